namespace PiStream.Services.Broadcast;

/// <summary>How much a viewer may fall behind before it skips ahead, and how long before it is closed.</summary>
internal sealed record ViewerOptions(int QueueFrames, TimeSpan MaxBehind)
{
    /// <summary>What a viewer may send in all (the page sends nothing; it is read and discarded); more closes it.</summary>
    public long MaxReceivedBytes { get; init; } = DefaultMaxReceivedBytes;

    /// <summary>1 MiB: what a viewer may send in all before it is closed (pings included, counted under the WebSocket).</summary>
    public const long DefaultMaxReceivedBytes = 1 << 20;

    /// <summary>Room for a whole group of pictures plus a second (at least two seconds); ten seconds behind closes the viewer.</summary>
    public static ViewerOptions For(int framerate, int keyframeInterval) =>
        new(Math.Max(framerate * 2, keyframeInterval + framerate), TimeSpan.FromSeconds(10));
}
