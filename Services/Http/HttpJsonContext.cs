using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Http;

/// <summary>
/// The web JSON style of every pistream answer (camelCase) and the contracts of plain values (a flag as a status
/// section). Each feature compiles its own types in a context of its own (LightsJsonContext, PanTiltJsonContext, ...)
/// and hands their contracts to <see cref="HttpResponses.WriteJsonAsync{T}"/> and to its status section.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(bool))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
