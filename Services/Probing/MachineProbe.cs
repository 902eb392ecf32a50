using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Probing;

/// <summary>
/// Finds out what this machine can stream: platform, ffmpeg, cameras (the same <see cref="CameraDetector"/>
/// serve uses), the Pan-Tilt HAT (where <see cref="PanTiltHatOptions"/> says), the network, and the verdict. Every external tool runs with a timeout.
/// </summary>
internal sealed class MachineProbe(CameraDetector cameras, FfmpegInspector ffmpeg, I2cScanner i2c, PlatformInspector platform)
{
    public static MachineProbe Default { get; } = new(CameraDetector.Default, FfmpegInspector.Default, I2cScanner.Default, new PlatformInspector());

    public async Task<ProbeReport> RunAsync(int httpPort, int webSocketPort, PanTiltHatOptions hat, CancellationToken cancellationToken)
    {
        var inventoryRun = cameras.DetectAsync(cancellationToken);
        var ffmpegRun = ffmpeg.InspectAsync(cancellationToken);
        var platformInfo = platform.Inspect();
        var panTilt = new PanTiltReport(i2c.ListBuses(), i2c.ScanForHat(hat));
        var network = NetworkInspector.Inspect(httpPort, webSocketPort);
        var inventory = await inventoryRun;
        var ffmpegInfo = await ffmpegRun;
        var verdict = VerdictBuilder.Build(platformInfo, ffmpegInfo, inventory, panTilt, network);
        if (ffmpegInfo.Path is { } ffmpegPath)
        {
            var live = LiveEncoderChooser.Choose(
                CodecRequest.Auto, null, AutoSourceChoice.From(inventory).Source.Kind, await EncoderAvailabilityReader.ReadAsync(ffmpegPath, null, cancellationToken));
            verdict = verdict with { Codec = live.CodecName, Encoder = live.Encoder, EncoderReason = live.Reason };
        }

        return new ProbeReport(ProbeReport.CurrentSchemaVersion, platformInfo, ffmpegInfo, inventory, panTilt, network, verdict);
    }
}
