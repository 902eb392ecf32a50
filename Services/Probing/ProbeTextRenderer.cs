using System.Globalization;

namespace PiStream.Services.Probing;

/// <summary>Writes a <see cref="ProbeReport"/> for people: one section per area, the verdict and its fixes last.</summary>
internal static class ProbeTextRenderer
{
    public static void Write(ProbeReport report, TextWriter output)
    {
        var platform = report.Platform;
        output.WriteLine("Platform");
        output.WriteLine($"  OS:            {platform.Os}");
        output.WriteLine($"  Kernel:        {platform.Kernel}");
        output.WriteLine($"  Architecture:  {platform.Architecture} (pistream runs as {platform.ProcessArchitecture})");
        output.WriteLine($"  Raspberry Pi:  {platform.PiModel ?? "no (no /proc/device-tree/model)"}");
        output.WriteLine($"  .NET:          {platform.Dotnet}");

        var ffmpeg = report.Ffmpeg;
        output.WriteLine();
        output.WriteLine("ffmpeg");
        output.WriteLine($"  Path:          {ffmpeg.Path ?? "not found on PATH"}");
        if (ffmpeg.Found)
        {
            output.WriteLine($"  Version:       {ffmpeg.Version ?? "unknown (ffmpeg -version failed)"}");
            output.WriteLine($"  Encoders:      {string.Join(", ", ffmpeg.Encoders.Select(e => $"{e.Key} {(e.Value ? "yes" : "no")}"))}");
        }

        output.WriteLine();
        CameraTextRenderer.Write(report.Cameras, output, report.Platform.PiModel);

        var panTilt = report.PanTilt;
        var hat = panTilt.Hat;
        output.WriteLine();
        output.WriteLine("Pan-tilt");
        output.WriteLine($"  I2C buses:     {(panTilt.I2cBuses.Count == 0 ? "none" : string.Join(", ", panTilt.I2cBuses))}");
        output.WriteLine(hat.Answers
            ? $"  HAT at 0x{hat.Address:x2} on {hat.BusPath}: found, pan {Angle(hat.PanDegrees)}, tilt {Angle(hat.TiltDegrees)}"
            : $"  HAT at 0x{hat.Address:x2} on {hat.BusPath}: not found ({hat.Error})");

        WriteNetwork(report.Network, output);
        WriteVerdict(report.Verdict, output);
    }

    private static void WriteNetwork(NetworkReport network, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Network");
        foreach (var address in network.Interfaces)
        {
            output.WriteLine($"  {address.Interface,-14} {address.Address}");
        }

        foreach (var url in network.PageUrls)
        {
            output.WriteLine($"  Open:          {url}");
        }

        foreach (var port in network.Ports)
        {
            output.WriteLine($"  Port {port.Port} ({port.Purpose}): {(port.Free ? "free" : port.Problem)}");
        }
    }

    private static void WriteVerdict(ProbeVerdict verdict, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Verdict");
        output.WriteLine(verdict.CanServe ? "  serve can run here." : "  serve cannot run here yet: fix the items marked ! below.");
        output.WriteLine($"  serve --source auto  -> {verdict.Source}: {verdict.SourceReason}");
        output.WriteLine($"  serve --pantilt auto -> {verdict.PanTilt}: {verdict.PanTiltReason}");
        if (verdict.EncoderReason.Length > 0)
        {
            output.WriteLine($"  serve --codec auto   -> {verdict.Codec} with {verdict.Encoder}: {verdict.EncoderReason}");
        }
        if (verdict.Findings.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("To fix");
        foreach (var finding in verdict.Findings)
        {
            output.WriteLine($"  {(finding.Blocking ? "!" : "-")} {finding.Area}: {finding.Problem}");
            output.WriteLine($"      {finding.Fix}");
        }
    }

    private static string Angle(int? degrees) => degrees is null ? "not set" : degrees.Value.ToString(CultureInfo.InvariantCulture) + "°";
}
