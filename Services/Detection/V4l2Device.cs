namespace PiStream.Services.Detection;

/// <summary>
/// One V4L2 device (a group in <c>v4l2-ctl --list-devices</c>) with its /dev/video nodes.
/// <see cref="SkipReason"/> says why a device that is not a webcam (a codec, the ISP, a libcamera
/// sensor's raw Bayer interface) is not used; null means it can be captured from.
/// <see cref="Nodes"/> holds each node's driver, caps and formats when they were asked for (empty otherwise).
/// </summary>
internal sealed record V4l2Device(string Name, string Bus, IReadOnlyList<string> VideoNodes, string? SkipReason)
{
    public IReadOnlyList<V4l2Node> Nodes { get; init; } = [];

    /// <summary>The node to capture from: the first node that is not skipped (the first node when nodes were not inspected).</summary>
    public string? CaptureNode => SkipReason is not null
        ? null
        : Nodes.Count == 0 ? (VideoNodes.Count > 0 ? VideoNodes[0] : null) : Nodes.FirstOrDefault(node => node.SkipReason is null)?.Path;

    public bool IsCamera => CaptureNode is not null;
}
