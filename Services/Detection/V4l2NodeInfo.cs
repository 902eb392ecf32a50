namespace PiStream.Services.Detection;

/// <summary>The "Driver Info" of one V4L2 node as <c>v4l2-ctl -d NODE --info</c> prints it.</summary>
internal sealed record V4l2NodeInfo(string Driver, string Card, string BusInfo, IReadOnlyList<string> DeviceCaps)
{
    public bool CanCapture => DeviceCaps.Contains("Video Capture") || DeviceCaps.Contains("Video Capture Multiplanar");
}
