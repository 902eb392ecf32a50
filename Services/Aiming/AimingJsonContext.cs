using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.Aiming;

/// <summary>The JSON contract of the aim status section, compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Aim))]
internal sealed partial class AimingJsonContext : JsonSerializerContext;
