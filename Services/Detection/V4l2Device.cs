namespace PiStream.Services.Detection;

/// <summary>
/// One V4L2 device (a group in <c>v4l2-ctl --list-devices</c>) with its /dev/video nodes.
/// <see cref="SkipReason"/> says why a device that is not a webcam (a codec, the ISP, a libcamera
/// sensor's raw Bayer interface) is not used; null means it can be captured from.
/// </summary>
internal sealed record V4l2Device(string Name, string Bus, IReadOnlyList<string> VideoNodes, string? SkipReason)
{
    public bool IsCamera => SkipReason is null && VideoNodes.Count > 0;
}
