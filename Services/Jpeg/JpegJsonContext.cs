using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Jpeg;

/// <summary>The JSON contract of the mjpeg status section, compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MjpegStatus))]
internal sealed partial class JpegJsonContext : JsonSerializerContext;
