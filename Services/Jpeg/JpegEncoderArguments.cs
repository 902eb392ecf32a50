using System.Globalization;
using PiStream.Services.Capture;

namespace PiStream.Services.Jpeg;

/// <summary>
/// The ffmpeg command line of a JPEG encoder: raw yuv420p frames on stdin, one JPEG per frame on stdout
/// (ffmpeg's mjpeg encoder, concatenated JPEGs that <see cref="JpegSplitter"/> cuts apart). Every frame in
/// gives exactly one JPEG out, in order, at once: <c>-fps_mode passthrough</c> neither drops nor repeats
/// frames, <c>-threads 1</c> keeps the encoder from holding frames for other threads (and leaves the second
/// core of a Pi to the live stream), <c>-flush_packets 1</c> writes each JPEG the moment it is done. The
/// camera's limited-range picture is converted to the full range JPEG viewers assume (else blacks look grey), and
/// marked as such (<c>-color_range pc</c>; the same JPEG as the deprecated yuvj420p gives, without ffmpeg's warning).
/// </summary>
internal static class JpegEncoderArguments
{
    public static IReadOnlyList<string> Build(JpegEncoderSettings settings)
    {
        var source = settings.Source;
        var filters = FlipFilter.Names(settings.HorizontalFlip, settings.VerticalFlip).ToList();
        filters.Add(settings.Width == source.Width && settings.Height == source.Height
            ? "scale=out_range=full"
            : $"scale={Text(settings.Width)}:{Text(settings.Height)}:out_range=full");

        return
        [
            "-hide_banner", "-loglevel", "warning", "-nostats",
            "-f", "rawvideo", "-pix_fmt", "yuv420p",
            "-video_size", $"{Text(source.Width)}x{Text(source.Height)}",
            "-framerate", Text(source.Framerate),
            "-i", "pipe:0",
            "-an",
            "-vf", string.Join(',', filters),
            "-pix_fmt", "yuv420p",
            "-color_range", "pc",
            "-strict", "unofficial",
            "-c:v", "mjpeg",
            "-q:v", Text(settings.Quality),
            "-threads", "1",
            "-fps_mode", "passthrough",
            "-f", "mjpeg",
            "-flush_packets", "1",
            "pipe:1",
        ];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
