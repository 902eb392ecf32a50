using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Pipeline;

/// <summary>The JSON contract of the stream's own status fields, compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StreamStatus))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
