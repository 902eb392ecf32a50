using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.PanTilt;

/// <summary>The pan-tilt JSON contracts (the orientation the API answers, the page's message, the status section), compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Orientation))]
[JsonSerializable(typeof(OrientationEvent))]
[JsonSerializable(typeof(PanTiltStatus))]
internal sealed partial class PanTiltJsonContext : JsonSerializerContext;
