namespace PiStream.Services.Detection;

/// <summary>
/// Every camera this machine has, as the detection tools report them. <see cref="LibcameraTool"/> and
/// <see cref="V4l2Tool"/> are the tools used, null when not installed.
/// </summary>
internal sealed record CameraInventory(
    string? LibcameraTool,
    IReadOnlyList<LibcameraCamera> LibcameraCameras,
    string? V4l2Tool,
    IReadOnlyList<V4l2Device> V4l2Devices)
{
    public static CameraInventory Empty { get; } = new(null, [], null, []);
}
