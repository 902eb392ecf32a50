using System.Globalization;
using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>
/// rpicam-vid encoding H.264 with the Pi's hardware encoder inside the camera pipeline: Annex B to stdout,
/// SPS/PPS before every keyframe (<c>--inline</c>), a keyframe every <c>--intra</c> frames, flushed per frame, with the
/// camera's image controls (<paramref name="controls"/>: the same rpicam-vid options raw capture would get).
/// </summary>
internal static class RpicamH264Arguments
{
    public static IReadOnlyList<string> Build(EncoderSettings settings, string? camera, IReadOnlyList<string>? controls = null)
    {
        var format = settings.Format;
        var arguments = new List<string>
        {
            "-t", "0", "-n", "--codec", "h264", "--inline",
            "--width", Text(format.Width), "--height", Text(format.Height), "--framerate", Text(format.Framerate),
            "--bitrate", Text(settings.BitrateBitsPerSecond),
            "--intra", Text(settings.KeyframeInterval),
            "--flush",
        };
        if (camera is not null)
        {
            arguments.AddRange(["--camera", camera]);
        }

        if (settings.HorizontalFlip)
        {
            arguments.Add("--hflip");
        }

        if (settings.VerticalFlip)
        {
            arguments.Add("--vflip");
        }

        arguments.AddRange(controls ?? []);
        arguments.AddRange(["-o", "-"]);
        return arguments;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
