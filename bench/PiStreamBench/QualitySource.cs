using System.Globalization;

namespace PiStream.Bench;

/// <summary>
/// A picture source of the quality benchmark (<see cref="ViewerQuality"/>): its name in the report and what ffmpeg
/// reads, either a <c>lavfi</c> generator (<paramref name="Lavfi"/>: <paramref name="Input"/> is its name) or a video
/// file (<paramref name="Input"/> is its path).
/// </summary>
internal sealed record QualitySource(string Name, string Input, bool Lavfi)
{
    /// <summary>The camera clip's name in the report.</summary>
    public const string CameraName = "vtest.avi (camera)";

    /// <summary>ffmpeg's synthetic test picture: moving shapes, gradients and text.</summary>
    public static QualitySource TestPattern { get; } = new("testsrc2", "testsrc2", Lavfi: true);

    /// <summary>
    /// ffmpeg's Mandelbrot zoom: a stress source with fine detail everywhere, all of it changing (not a camera
    /// picture; <see cref="Camera"/> is the natural-motion clip).
    /// </summary>
    public static QualitySource FineDetail { get; } = new("mandelbrot", "mandelbrot", Lavfi: true);

    /// <summary>
    /// The natural-motion clip: OpenCV's <c>vtest.avi</c> (Debian's opencv-doc: a fixed camera in a hall, people
    /// walking; 768x576, 10 fps, msmpeg4, so it carries its own compression artifacts), fetched by bench/run.sh.
    /// </summary>
    public static QualitySource Camera(string path) => new(CameraName, path, Lavfi: false);

    /// <summary>
    /// ffmpeg's input arguments for this source at a size and frame rate: a generator draws at that size; a file is
    /// scaled to it (whatever its aspect ratio) and brought to the frame rate by repeating frames (<c>fps</c> filter).
    /// </summary>
    public IReadOnlyList<string> RenderArguments(int width, int height, int framerate) => Lavfi
        ? ["-f", "lavfi", "-i", $"{Input}=size={Text(width)}x{Text(height)}:rate={Text(framerate)}"]
        : ["-i", Input, "-vf", $"scale={Text(width)}:{Text(height)},fps={Text(framerate)}"];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
