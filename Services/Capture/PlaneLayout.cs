namespace PiStream.Services.Capture;

/// <summary>
/// How a yuv420p frame is laid out in a capture buffer whose rows may be padded (rpicam-vid pads each
/// row to the hardware stride). <see cref="CopyTight"/> removes the padding, so any even width works.
/// </summary>
internal readonly record struct PlaneLayout(int Width, int Height, int LumaStride, int ChromaStride)
{
    /// <summary>Bytes of one padded frame as the capture process writes it.</summary>
    public int PaddedFrameSize => LumaStride * Height + 2 * ChromaStride * (Height / 2);

    /// <summary>True when there is no padding to strip.</summary>
    public bool IsTight => LumaStride == Width && ChromaStride == Width / 2;

    /// <summary>Rows padded to a multiple of <paramref name="alignment"/> bytes for luma and half that for chroma.</summary>
    public static PlaneLayout Aligned(int width, int height, int alignment)
    {
        var luma = (width + alignment - 1) / alignment * alignment;
        return new PlaneLayout(width, height, luma, luma / 2);
    }

    public static PlaneLayout Tight(int width, int height) => new(width, height, width, width / 2);

    /// <summary>Copies the visible pixels of a padded frame into a tightly packed one.</summary>
    public void CopyTight(ReadOnlySpan<byte> padded, Span<byte> tight)
    {
        var source = 0;
        var target = 0;
        CopyPlane(padded, tight, ref source, ref target, Width, Height, LumaStride);
        CopyPlane(padded, tight, ref source, ref target, Width / 2, Height / 2, ChromaStride);
        CopyPlane(padded, tight, ref source, ref target, Width / 2, Height / 2, ChromaStride);
    }

    private static void CopyPlane(ReadOnlySpan<byte> padded, Span<byte> tight, ref int source, ref int target, int width, int rows, int stride)
    {
        for (var row = 0; row < rows; row++)
        {
            padded.Slice(source, width).CopyTo(tight.Slice(target, width));
            source += stride;
            target += width;
        }
    }
}
