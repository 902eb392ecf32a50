using System.Globalization;
using PiStream.Services.Detection;

namespace PiStream.Services.Probing;

/// <summary>
/// The "Cameras" section of the text report: libcamera cameras with modes, V4L2 devices with nodes and formats
/// (each size with its highest frame rate; --json has them all).
/// </summary>
internal static class CameraTextRenderer
{
    public static void Write(CameraInventory cameras, TextWriter output)
    {
        output.WriteLine("Cameras");
        if (cameras.LibcameraTool is null)
        {
            output.WriteLine("  libcamera:     rpicam-hello / libcamera-hello not installed");
        }
        else if (cameras.LibcameraCameras.Count == 0)
        {
            output.WriteLine($"  libcamera:     no cameras ({cameras.LibcameraTool} --list-cameras)");
        }

        foreach (var camera in cameras.LibcameraCameras)
        {
            output.WriteLine($"  libcamera {camera.Index}:   {camera.Sensor}, up to {camera.MaxWidth}x{camera.MaxHeight}{(camera.DevicePath is null ? "" : $" ({camera.DevicePath})")}");
            foreach (var mode in camera.Modes)
            {
                output.WriteLine($"      {mode.Format} {mode.Width}x{mode.Height}{(mode.Fps is { } fps ? $" @ {Number(fps)} fps" : "")}");
            }
        }

        if (cameras.V4l2Tool is null && cameras.V4l2Devices.Count == 0)
        {
            output.WriteLine("  V4L2:          no /dev/video devices");
        }
        else if (cameras.V4l2Devices.Count == 0)
        {
            output.WriteLine("  V4L2:          no devices (v4l2-ctl --list-devices)");
        }

        foreach (var device in cameras.V4l2Devices)
        {
            WriteDevice(device, output);
        }
    }

    private static void WriteDevice(V4l2Device device, TextWriter output)
    {
        var title = device.Bus.Length == 0 ? device.Name : $"{device.Name} ({device.Bus})";
        if (device.SkipReason is not null)
        {
            output.WriteLine($"  V4L2 skipped:  {title} [{string.Join(", ", device.VideoNodes)}]: {device.SkipReason}");
            return;
        }

        output.WriteLine($"  V4L2:          {title}");
        if (device.Nodes.Count == 0)
        {
            output.WriteLine($"      {string.Join(", ", device.VideoNodes)} (not inspected: install v4l-utils for details)");
        }

        foreach (var node in device.Nodes)
        {
            if (node.SkipReason is not null)
            {
                output.WriteLine($"      {node.Path} skipped: {node.SkipReason}");
                continue;
            }

            output.WriteLine($"      {node.Path}  driver {node.Driver}, {node.Card}");
            foreach (var format in node.Formats)
            {
                output.WriteLine($"        {format.FourCc} ({format.Description}): {string.Join(", ", format.Sizes.Select(Size))}");
            }
        }
    }

    private static string Size(V4l2FrameSize size)
    {
        var dimensions = size.IsRange ? $"{size.MinWidth}x{size.MinHeight}-{size.Width}x{size.Height}" : $"{size.Width}x{size.Height}";
        return size.Fps.Count == 0 ? dimensions : $"{dimensions}@{Number(size.Fps.Max())}fps";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
