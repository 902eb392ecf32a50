using System.Text.Json;
using System.Text.Json.Serialization;
using PiStream.Services.Aiming;
using PiStream.Services.CameraControls;
using PiStream.Services.H264;
using PiStream.Services.Jpeg;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Services.Pipeline;
using PiStream.Services.Pistreaming;
using PiStream.Services.Presets;
using PiStream.Services.Publish;

namespace PiStream.Services.Http;

/// <summary>
/// Every type pistream writes or reads as web JSON (camelCase), compiled at build time: no reflection, so the
/// Native AOT build serializes exactly what the JIT build does. A type missing here fails its endpoint's tests.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(Aim))]
[JsonSerializable(typeof(CameraStatus))]
[JsonSerializable(typeof(LightsDocument))]
[JsonSerializable(typeof(LightsEvent))]
[JsonSerializable(typeof(LightsStatus))]
[JsonSerializable(typeof(MjpegStatus))]
[JsonSerializable(typeof(Mpeg1FallbackStatus))]
[JsonSerializable(typeof(Orientation))]
[JsonSerializable(typeof(OrientationEvent))]
[JsonSerializable(typeof(PanTiltStatus))]
[JsonSerializable(typeof(PistreamingStatus))]
[JsonSerializable(typeof(Preset))]
[JsonSerializable(typeof(IReadOnlyList<Preset>))]
[JsonSerializable(typeof(PublishStatus))]
[JsonSerializable(typeof(StreamStatus))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
