using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Presets;

/// <summary>The presets API's JSON contracts (one preset, the list), compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Preset))]
[JsonSerializable(typeof(IReadOnlyList<Preset>))]
internal sealed partial class PresetsJsonContext : JsonSerializerContext;
