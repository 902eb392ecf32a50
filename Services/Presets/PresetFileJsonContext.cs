using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Presets;

/// <summary>The presets file's JSON contract (camelCase, indented for people who edit it), compiled at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(List<Preset>))]
internal sealed partial class PresetFileJsonContext : JsonSerializerContext;
