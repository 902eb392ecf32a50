using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Publish;

/// <summary>The JSON contract of the publish status section, compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PublishStatus))]
internal sealed partial class PublishJsonContext : JsonSerializerContext;
