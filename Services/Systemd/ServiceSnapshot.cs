namespace PiStream.Services.Systemd;

/// <summary>What the service manager hears about the stream: frames encoded so far, the frame rate and the viewers.</summary>
internal sealed record ServiceSnapshot(long Frames, double FramesPerSecond, int Viewers)
{
    /// <summary>The <c>STATUS=</c> line <c>systemctl status</c> shows.</summary>
    public string Status => Frames == 0
        ? "Starting: waiting for the first frame"
        : $"Streaming {FramesPerSecond.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} fps to {Viewers} {(Viewers == 1 ? "viewer" : "viewers")}";
}
