using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Probing;

/// <summary>The compiled JSON contract of <see cref="ProbeReport"/>; <see cref="ProbeJson"/> adds the options attributes cannot say.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProbeReport))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;
