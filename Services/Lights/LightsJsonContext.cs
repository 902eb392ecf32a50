using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Lights;

/// <summary>The lights' JSON contracts (the API's document, the page's message, the status section), compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LightsDocument))]
[JsonSerializable(typeof(LightsEvent))]
[JsonSerializable(typeof(LightsStatus))]
internal sealed partial class LightsJsonContext : JsonSerializerContext;
