using Microsoft.Extensions.Logging;
using PiStream.Services.Processes;

namespace PiStream.Services.CameraControls;

/// <summary>Sets a webcam's <c>--v4l2-control</c> values with <c>v4l2-ctl</c> before capture starts.</summary>
internal static class V4l2ControlApplier
{
    /// <summary>
    /// Runs <c>v4l2-ctl -d DEVICE --set-ctrl ...</c>; nothing to do without V4L2 controls. Throws
    /// <see cref="CameraControlException"/> with the fix when v4l2-ctl is missing or the device refuses a control.
    /// </summary>
    public static async Task ApplyAsync(string device, ImageControls controls, ILogger logger, CancellationToken cancellationToken, string tool = "v4l2-ctl")
    {
        var arguments = controls.V4l2CtlArguments(device);
        if (arguments.Count == 0)
        {
            return;
        }

        logger.LogInformation("Setting webcam controls: {Program} {Arguments}", tool, string.Join(' ', arguments));
        var result = await ToolRunner.RunAsync(tool, arguments, TimeSpan.FromSeconds(10), cancellationToken)
            ?? throw new CameraControlException("v4l2-ctl is needed for --v4l2-control: sudo apt-get install v4l-utils.", toolMissing: true);
        if (!result.Succeeded)
        {
            var reason = (result.StandardError + result.StandardOutput).Trim();
            throw new CameraControlException(
                $"{device} refused --v4l2-control {string.Join(' ', controls.V4l2)}: {(reason.Length > 0 ? reason : $"v4l2-ctl exit {result.ExitCode}")}. " +
                $"List its controls and ranges with: v4l2-ctl -d {device} --list-ctrls", toolMissing: false);
        }
    }
}
