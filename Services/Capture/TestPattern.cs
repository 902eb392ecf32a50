namespace PiStream.Services.Capture;

/// <summary>
/// Paints the built-in test picture: diagonal stripes that scroll, a bouncing white square and four
/// coloured quadrants, so motion is obvious in a browser. Allocates once, in the constructor.
/// </summary>
internal sealed class TestPattern
{
    private readonly VideoFormat _format;
    private readonly byte[] _stripes;
    private readonly byte[] _chromaU;
    private readonly byte[] _chromaV;

    public TestPattern(VideoFormat format)
    {
        _format = format;
        _stripes = new byte[format.Width * 2];
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = (byte)(64 + (i / 20 % 2) * 96 + i % 20 * 2);
        }

        var chromaSize = format.Width / 2 * (format.Height / 2);
        _chromaU = new byte[chromaSize];
        _chromaV = new byte[chromaSize];
        for (var y = 0; y < format.Height / 2; y++)
        {
            for (var x = 0; x < format.Width / 2; x++)
            {
                var right = x >= format.Width / 4;
                var bottom = y >= format.Height / 4;
                _chromaU[y * (format.Width / 2) + x] = (byte)(right ? 170 : 90);
                _chromaV[y * (format.Width / 2) + x] = (byte)(bottom ? 170 : 100);
            }
        }
    }

    /// <summary>Paints frame number <paramref name="index"/> into a tightly packed yuv420p frame.</summary>
    public void Paint(Span<byte> frame, long index)
    {
        var width = _format.Width;
        var height = _format.Height;
        var shift = (int)(index * 4 % width);
        for (var y = 0; y < height; y++)
        {
            _stripes.AsSpan((shift + y) % width, width).CopyTo(frame.Slice(y * width, width));
        }

        var lumaSize = width * height;
        _chromaU.CopyTo(frame.Slice(lumaSize));
        _chromaV.CopyTo(frame.Slice(lumaSize + _chromaU.Length));

        var box = Math.Max(16, Math.Min(width, height) / 6);
        var travel = Math.Max(1, width - box);
        var position = (int)(index * 6 % (2 * travel));
        var boxX = position < travel ? position : 2 * travel - position;
        var boxY = height / 2 - box / 2;
        for (var y = boxY; y < boxY + box; y++)
        {
            frame.Slice(y * width + boxX, box).Fill(235);
        }
    }
}
