using System.CommandLine;
using PiStream.Services.Hosting;
using PiStream.Services.PanTilt;
using PiStream.Services.Probing;

namespace PiStream.Commands;

/// <summary><c>pistream probe</c>: what this machine can stream, what serve would pick, and how to fix what is missing.</summary>
internal static class ProbeCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON document (shape in docs/probe.md) instead of the report." };

    private static readonly Option<int> Port = CommonOptions.Ranged("--port", ServeSettings.DefaultPort, 0, 65535, "HTTP port to check, as serve --port.");

    private static readonly Option<int> WebSocketPort = CommonOptions.Ranged("--ws-port", ServeSettings.DefaultWebSocketPort, 0, 65535, "WebSocket port to check, as serve --ws-port.");

    public static Command Create()
    {
        var command = new Command("probe", "Tell what this machine can stream: cameras, ffmpeg, the Pan-Tilt HAT, the URLs to open, and the fix for anything missing. Exits 0 when serve can run.");
        command.Options.Add(Json);
        command.Options.Add(Port);
        command.Options.Add(WebSocketPort);
        command.Options.Add(PanTiltOptions.Bus);
        command.Options.Add(PanTiltOptions.Address);
        command.SetAction((result, cancellationToken) =>
        {
            var hat = new PanTiltHatOptions { BusId = result.GetValue(PanTiltOptions.Bus), Address = result.GetValue(PanTiltOptions.Address) };
            return RunAsync(MachineProbe.Default, result.GetValue(Json), result.GetValue(Port), result.GetValue(WebSocketPort), hat, Console.Out, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(MachineProbe probe, bool json, int port, int webSocketPort, PanTiltHatOptions hat, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await probe.RunAsync(port, webSocketPort, hat, cancellationToken);
        if (json)
        {
            await output.WriteLineAsync(ProbeJson.Serialize(report));
        }
        else
        {
            ProbeTextRenderer.Write(report, output);
        }

        return ExitCode(report.Verdict.Blocker);
    }

    /// <summary>0 when serve can run; 3 when ffmpeg is missing; 1 when a port is taken (what serve itself would exit with).</summary>
    public static int ExitCode(ServeBlocker blocker) => blocker switch
    {
        ServeBlocker.None => ExitCodes.Ok,
        ServeBlocker.MissingDependency => ExitCodes.MissingDependency,
        _ => ExitCodes.Failed,
    };
}
