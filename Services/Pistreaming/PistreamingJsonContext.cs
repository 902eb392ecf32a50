using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Pistreaming;

/// <summary>The JSON contract of the pistreaming status section, compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PistreamingStatus))]
internal sealed partial class PistreamingJsonContext : JsonSerializerContext;
