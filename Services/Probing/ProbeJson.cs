using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PiStream.Services.Probing;

/// <summary>The JSON form of a <see cref="ProbeReport"/>: camelCase, enums as camelCase strings, nulls kept so every field is always there.
/// Relaxed escaping keeps "5.1.9-0+deb12u1" readable; the document is never embedded in HTML.</summary>
internal static class ProbeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter<ServeBlocker>(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = ProbeJsonContext.Default,
    };

    public static string Serialize(ProbeReport report) => JsonSerializer.Serialize(report, (JsonTypeInfo<ProbeReport>)Options.GetTypeInfo(typeof(ProbeReport)));
}
