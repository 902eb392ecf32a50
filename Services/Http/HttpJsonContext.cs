using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PiStream.Services.Http;

/// <summary>
/// The contracts of plain values pistream writes: a flag as a status section, and /api/status's composed document.
/// Each feature compiles its own types in a context of its own (LightsJsonContext, PanTiltJsonContext, ...) and hands
/// their contracts to <see cref="HttpResponses.WriteJsonAsync{T}"/> and to its status section.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
