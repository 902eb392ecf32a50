using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Services.CameraControls;

/// <summary>The JSON contract of the camera status section, compiled at build time (web style: camelCase), so the Native AOT build writes what the JIT build does.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CameraStatus))]
internal sealed partial class CameraControlsJsonContext : JsonSerializerContext;
