using System.Globalization;
using PiStream.Services.Aiming;
using PiStream.Services.Detection;

namespace PiStream.Services.Probing;

/// <summary>
/// The "Cameras" section of the text report: libcamera cameras with modes and the options that apply to their
/// sensor, V4L2 devices with nodes, formats (each size with its highest frame rate; --json has them all) and controls.
/// </summary>
internal static class CameraTextRenderer
{
    public static void Write(CameraInventory cameras, TextWriter output, string? piModel = null)
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

            WritePiControls(camera, piModel?.StartsWith("Raspberry Pi 5", StringComparison.Ordinal) == true, output);
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

            output.WriteLine(node.Controls.Count == 0
                ? "        Controls: none listed (v4l2-ctl --list-ctrls-menus)"
                : $"        Controls (serve --v4l2-control NAME=VALUE sets one; {node.Path}):");
            foreach (var control in node.Controls)
            {
                output.WriteLine($"          {control.Name,-30} {ControlText(control)}");
            }
        }
    }

    /// <summary>What pistream's options can set on this Pi camera (pistream's table; rpicam-apps cannot list libcamera's controls).</summary>
    private static void WritePiControls(LibcameraCamera camera, bool isPi5, TextWriter output)
    {
        var controls = camera.Controls;
        output.WriteLine($"      Controls (serve/record options): {string.Join(' ', controls.Options)}");
        output.WriteLine(controls.FocusMotor
            ? "      Focus:  focus motor: --autofocus-mode, --lens-position"
            : "      Focus:  fixed (no focus motor): --autofocus-mode and --lens-position do nothing");
        var hdr = controls.HdrModes(isPi5);
        output.WriteLine(hdr.Count > 0
            ? $"      HDR:    --hdr {string.Join('|', hdr)}"
            : "      HDR:    none (the sensor has no HDR mode; a Raspberry Pi 5 adds --hdr single-exp)");
        output.WriteLine(FieldOfView.ForSensor(camera.Sensor) is { } fov
            ? $"      Aiming: {Number(fov.Horizontal)} x {Number(fov.Vertical)} degrees field of view, {fov.Source}"
            : "      Aiming: the field of view depends on the lens: give serve --hfov and --vfov for click-to-point");
    }

    private static string ControlText(V4l2ControlInfo control)
    {
        var parts = new List<string> { control.Type };
        if (control.Menu.Count > 0)
        {
            parts.Add(string.Join(", ", control.Menu.Select(item => $"{item.Index} {item.Name}")) + ";");
        }
        else if (control.Min is { } min && control.Max is { } max && control.Type != "bool")
        {
            parts.Add($"{min}..{max}{(control.Step is { } step and not 1 ? $" step {step}" : "")},");
        }

        if (control.Default is { } defaultValue)
        {
            parts.Add($"default {defaultValue},");
        }

        parts.Add($"now {control.Value?.ToString(CultureInfo.InvariantCulture) ?? "-"}{(control.ValueText is { } text ? $" ({text})" : "")}");
        if (control.Flags.Count > 0)
        {
            parts.Add($"[{string.Join(", ", control.Flags)}]");
        }

        return string.Join(' ', parts);
    }

    private static string Size(V4l2FrameSize size)
    {
        var dimensions = size.IsRange ? $"{size.MinWidth}x{size.MinHeight}-{size.Width}x{size.Height}" : $"{size.Width}x{size.Height}";
        return size.Fps.Count == 0 ? dimensions : $"{dimensions}@{Number(size.Fps.Max())}fps";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
