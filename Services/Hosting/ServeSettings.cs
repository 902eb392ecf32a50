using System.Net;
using PiStream.Services.Aiming;
using PiStream.Services.CameraControls;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Services.Presets;
using PiStream.Services.Publish;
using PiStream.Services.Recording;
using PiStream.Services.Security;

namespace PiStream.Services.Hosting;

/// <summary>Everything <c>pistream serve</c> is told: where to listen, what to capture, how to encode, and whether to record.</summary>
internal sealed record ServeSettings(
    IPAddress? Bind,
    int Port,
    int WebSocketPort,
    SourceSpec Source,
    VideoFormat Format,
    int BitrateBitsPerSecond,
    int KeyframeInterval,
    bool HorizontalFlip,
    bool VerticalFlip,
    SegmentSettings? Recording = null)
{
    public const int DefaultPort = 8082;
    public const int DefaultWebSocketPort = 8084;
    public const int DefaultBitrate = 800_000;

    /// <summary>The live codec (<c>--codec</c>): H.264 when a working encoder is found, else MPEG-1.</summary>
    public CodecRequest Codec { get; init; } = CodecRequest.Auto;

    /// <summary>The live encoder (<c>--encoder</c>), or null to choose automatically.</summary>
    public string? Encoder { get; init; }

    /// <summary>The pan-tilt device; none unless set (the command line's default is auto).</summary>
    public PanTiltSettings PanTilt { get; init; } = PanTiltSettings.None;

    /// <summary>Media servers to push the stream to (serve --publish; docs/scale-out.md); none by default.</summary>
    public IReadOnlyList<PublishTarget> Publish { get; init; } = [];

    /// <summary>The HAT's light strip (used only when there is a HAT).</summary>
    public LightsSettings Lights { get; init; } = LightsSettings.Default;

    /// <summary>Where presets are kept (<c>--state-dir</c>).</summary>
    public PresetsSettings Presets { get; init; } = PresetsSettings.Default;

    /// <summary>The field of view for click-to-point (<c>--hfov</c>, <c>--vfov</c>; default: the detected sensor's).</summary>
    public AimSettings Aim { get; init; } = new();

    /// <summary>The camera's image controls (docs/camera-controls.md).</summary>
    public ImageControls CameraControls { get; init; } = ImageControls.None;

    /// <summary>Login, read-only, the viewer cap and TLS (docs/security.md).</summary>
    public AccessSettings Access { get; init; } = AccessSettings.Open;

    /// <summary>How long a client may take to send its request headers (tests shorten it).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle connection is kept (tests shorten it).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Test only: how long each raw frame is held before encoding (validates the latency benchmark).</summary>
    public TimeSpan DebugDelay { get; init; }

    /// <summary>Test only: send each frame's encoder exit time as a text message before it (delivery-delay benchmark).</summary>
    public bool BenchTimestamps { get; init; }

    public static ServeSettings Defaults { get; } = new(
        null, DefaultPort, DefaultWebSocketPort, SourceSpec.Auto, new VideoFormat(640, 480, 24), DefaultBitrate, 24, false, false);
}
