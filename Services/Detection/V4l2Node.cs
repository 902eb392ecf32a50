namespace PiStream.Services.Detection;

/// <summary>
/// One /dev/video node of a V4L2 device, with what <c>v4l2-ctl -d NODE --info</c> and
/// <c>--list-formats-ext</c> said about it. <see cref="SkipReason"/> is null when video can be captured from it.
/// <see cref="Controls"/> are what <c>--list-ctrls-menus</c> listed for a node that is not skipped (empty when it could not tell).
/// </summary>
internal sealed record V4l2Node(
    string Path,
    string? Driver,
    string? Card,
    IReadOnlyList<string> DeviceCaps,
    IReadOnlyList<V4l2PixelFormat> Formats,
    string? SkipReason)
{
    public IReadOnlyList<V4l2ControlInfo> Controls { get; init; } = [];
}
