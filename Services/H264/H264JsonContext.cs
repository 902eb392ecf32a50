using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.H264;

/// <summary>The JSON contract of the MPEG-1 fallback's status section, compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Mpeg1FallbackStatus))]
internal sealed partial class H264JsonContext : JsonSerializerContext;
