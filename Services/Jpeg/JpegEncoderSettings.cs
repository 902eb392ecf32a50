using PiStream.Services.Capture;

namespace PiStream.Services.Jpeg;

/// <summary>
/// What one JPEG encoder makes: raw frames of <see cref="Source"/> in, JPEGs of <see cref="Width"/> x
/// <see cref="Height"/> out (a smaller copy when they differ), at ffmpeg's <c>-q:v</c> <see cref="Quality"/>
/// (2 best .. 31 smallest), mirrored or flipped like the live stream.
/// </summary>
internal sealed record JpegEncoderSettings(
    VideoFormat Source,
    int Width,
    int Height,
    int Quality = JpegEncoderSettings.DefaultQuality,
    bool HorizontalFlip = false,
    bool VerticalFlip = false)
{
    public const int DefaultQuality = 5;

    /// <summary>Full size, or <paramref name="width"/> wide with the height that keeps the picture's shape (even, at least 2).</summary>
    public static JpegEncoderSettings For(VideoFormat source, int? width, bool horizontalFlip = false, bool verticalFlip = false)
    {
        var outWidth = width ?? source.Width;
        var outHeight = outWidth == source.Width ? source.Height : Math.Max(2, (int)Math.Round(source.Height * (double)outWidth / source.Width / 2) * 2);
        return new JpegEncoderSettings(source, outWidth, outHeight, DefaultQuality, horizontalFlip, verticalFlip);
    }
}
