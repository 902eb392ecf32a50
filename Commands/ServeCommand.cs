using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using Microsoft.Extensions.Logging;
using PiStream.Services.CameraControls;
using PiStream.Services.Capture;
using PiStream.Services.Configuration;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Services.Hosting;
using PiStream.Services.Logging;
using PiStream.Services.PanTilt;
using PiStream.Services.Presets;
using PiStream.Services.Recording;
using PiStream.Services.Web;

namespace PiStream.Commands;

/// <summary><c>pistream serve</c>: stream the camera to browsers until Ctrl+C.</summary>
internal static class ServeCommand
{
    private static readonly Option<int> Port = CommonOptions.Ranged("--port", ServeSettings.DefaultPort, 0, 65535, "HTTP port of the page and of the /stream WebSocket (0 picks a free one).");

    private static readonly Option<int> WebSocketPort = CommonOptions.Ranged("--ws-port", ServeSettings.DefaultWebSocketPort, 0, 65535, "Extra WebSocket-only port, as the original pistreaming had (0 picks a free one).");

    private static readonly Option<IPAddress?> Bind = new("--bind")
    {
        Description = "Address to listen on (default: every interface), e.g. 127.0.0.1.",
        CustomParser = ParseAddress,
    };

    private static readonly Option<int> Bitrate = new("--bitrate")
    {
        Description = "Video bitrate, e.g. 800k or 2M (50k-50M).",
        DefaultValueFactory = _ => ServeSettings.DefaultBitrate,
        CustomParser = ParseBitrate,
    };

    private static readonly Option<int?> KeyframeInterval = new("--keyframe-interval")
    {
        Description = "Frames between keyframes, 1-600 (default: the frame rate, one a second). New viewers start at a keyframe.",
        CustomParser = result => ValueParsers.Integer(result, 1, 600, 1),
    };

    private static readonly Option<PanTiltMode> PanTilt = new("--pantilt")
    {
        Description = "Pan-tilt device: auto (the HAT if it answers), hat, sim (simulated, for demos) or none.",
        DefaultValueFactory = _ => PanTiltMode.Auto,
        CustomParser = ParsePanTilt,
    };

    private static readonly Option<int> DebugDelay = CommonOptions.Ranged("--debug-delay-ms", 0, 0, 10_000, "Test only: hold each raw frame this long before encoding (benchmarks check their latency measurement with it).");

    private static readonly Option<bool> BenchTimestamps = new("--bench-timestamps")
    {
        Description = "Test only: send a text message {\"t\":<Unix ms>} before each frame with the time it left the encoder.",
        Hidden = true,
    };

    public static Command Create()
    {
        var command = new Command("serve", "Stream the camera to web browsers: open http://<this machine>:8082/ to watch.");
        command.Options.Add(Port);
        command.Options.Add(WebSocketPort);
        command.Options.Add(Bind);
        CommonOptions.AddTo(command);
        CameraControlOptions.AddTo(command);
        command.Options.Add(Bitrate);
        command.Options.Add(KeyframeInterval);
        CodecOptions.AddTo(command);
        command.Options.Add(PanTilt);
        PanTiltOptions.AddTo(command);
        LightOptions.AddTo(command);
        PointingOptions.AddTo(command);
        ServeRecordingOptions.AddTo(command);
        ServePublishOptions.AddTo(command);
        SecurityOptions.AddTo(command);
        DebugDelay.Hidden = true;
        command.Options.Add(DebugDelay);
        command.Options.Add(BenchTimestamps);
        command.Options.Add(ServeConfiguration.Config);
        command.Validators.Add(result =>
        {
            var port = ValueParsers.GivenOr(result, Port, ServeSettings.DefaultPort);
            var webSocketPort = ValueParsers.GivenOr(result, WebSocketPort, ServeSettings.DefaultWebSocketPort);
            if (port != 0 && port == webSocketPort)
            {
                result.AddError($"--port and --ws-port are both {port}: give them different ports (e.g. --port {port} --ws-port {port + 2}).");
            }
        });
        command.SetAction((commandLine, cancellationToken) =>
        {
            if (ServeConfiguration.Resolve(commandLine, SettingsEnvironment.Current(), SettingsFile.DefaultPath, Console.Error) is not { } configured)
            {
                return Task.FromResult(ExitCodes.BadInput);
            }

            var result = configured.Result;
            var format = CommonOptions.Format(result);
            var settings = new ServeSettings(
                result.GetValue(Bind),
                result.GetValue(Port),
                result.GetValue(WebSocketPort),
                result.GetValue(CommonOptions.Source)!,
                format,
                result.GetValue(Bitrate),
                result.GetValue(KeyframeInterval) ?? format.Framerate,
                result.GetValue(CommonOptions.HorizontalFlip),
                result.GetValue(CommonOptions.VerticalFlip),
                ServeRecordingOptions.Read(result))
            {
                PanTilt = new PanTiltSettings(result.GetValue(PanTilt), PanTiltOptions.Hat(result)),
                Lights = LightOptions.Settings(result),
                Presets = new PresetsSettings(result.GetValue(PointingOptions.StateDir)!),
                Aim = PointingOptions.Aim(result),
                CameraControls = CameraControlOptions.Controls(result),
                Access = SecurityOptions.Read(result),
                Publish = ServePublishOptions.Read(result),
                DebugDelay = TimeSpan.FromMilliseconds(result.GetValue(DebugDelay)),
                BenchTimestamps = result.GetValue(BenchTimestamps),
                Codec = result.GetValue(CodecOptions.Codec),
                Encoder = result.GetValue(CodecOptions.Encoder),
            };
            return RunAsync(settings, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(ServeSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggerFactory = ConsoleLogging.Create();
        StreamHost host;
        try
        {
            host = await StreamHost.StartAsync(settings, loggerFactory, cancellationToken);
        }
        catch (Exception e) when (e is FfmpegNotFoundException or CaptureUnavailableException or PanTiltUnavailableException or EncoderUnavailableException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.MissingDependency;
        }
        catch (Exception e) when (e is PortInUseException or RecordingUnavailableException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (CameraControlException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ToolMissing ? ExitCodes.MissingDependency : ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }

        await using (host)
        {
            foreach (var url in NetworkAddresses.PageUrls(settings.Bind, host.HttpPort, settings.Access.UsesTls ? "https" : "http"))
            {
                await output.WriteLineAsync($"Watch at {url}");
            }

            await output.WriteLineAsync("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop below.
            }
        }

        return ExitCodes.Ok;
    }

    private static IPAddress? ParseAddress(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (IPAddress.TryParse(text, out var address))
        {
            return address;
        }

        result.AddError($"--bind '{text}' is not an IP address: use e.g. 0.0.0.0 (every interface) or 127.0.0.1 (this machine only).");
        return null;
    }

    private static PanTiltMode ParsePanTilt(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (Enum.TryParse<PanTiltMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && text.Length > 0 && char.IsAsciiLetter(text[0]))
        {
            return mode;
        }

        result.AddError($"--pantilt '{text}' is not a pan-tilt mode: use auto, hat, sim or none.");
        return PanTiltMode.Auto;
    }

    private static int ParseBitrate(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (BitrateParser.TryParse(text, out var bits) && bits is >= 50_000 and <= 50_000_000)
        {
            return bits;
        }

        result.AddError($"--bitrate '{text}' is not a bitrate from 50k to 50M: use e.g. 800k, 1500k or 2M.");
        return ServeSettings.DefaultBitrate;
    }
}
