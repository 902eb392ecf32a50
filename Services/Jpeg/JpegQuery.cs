using System.Globalization;
using Microsoft.AspNetCore.Http;
using PiStream.Services.Capture;

namespace PiStream.Services.Jpeg;

/// <summary>
/// Reads <c>?width=</c> (a smaller copy: 32 up to the stream's width, rounded down to even; the height follows
/// the picture's shape) and, for the MJPEG stream, <c>?fps=</c> (0.1 up to the stream's frame rate). Anything else
/// in the query is ignored; a bad value is an error that says what would be right.
/// </summary>
internal static class JpegQuery
{
    public const int MinWidth = 32;
    public const double MinFps = 0.1;

    public static bool TryParse(IQueryCollection query, VideoFormat source, bool allowFps, out JpegRequest request, out string error)
    {
        request = new JpegRequest(null, null);
        error = "";
        int? width = null;
        double? fps = null;
        if (query.TryGetValue("width", out var widthText))
        {
            if (widthText.Count != 1 || !int.TryParse(widthText[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < MinWidth || value > source.Width)
            {
                error = $"width must be a whole number from {MinWidth} to {source.Width} (the stream's width), e.g. ?width={Math.Max(MinWidth, source.Width / 2)}.";
                return false;
            }

            width = value & ~1;
        }

        if (allowFps && query.TryGetValue("fps", out var fpsText))
        {
            if (fpsText.Count != 1 || !double.TryParse(fpsText[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || !(value >= MinFps && value <= source.Framerate))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"fps must be a number from {MinFps} to {source.Framerate} (the stream's frame rate), e.g. ?fps=5.");
                return false;
            }

            fps = value;
        }

        request = new JpegRequest(width == source.Width ? null : width, fps);
        return true;
    }
}
