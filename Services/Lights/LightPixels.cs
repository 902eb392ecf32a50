namespace PiStream.Services.Lights;

/// <summary>
/// The HAT's 72-byte pixel buffer (docs/pantilt.md, "Lights"): 24 pixels of 3 bytes (RGB: r,g,b; GRB: g,r,b) or 18 pixels of
/// 4 bytes (RGBW: r,g,b,w; GRBW: g,r,b,w), pixel 0 first.
/// </summary>
internal static class LightPixels
{
    public static int BytesPerPixel(LightType type) => type is LightType.Grbw or LightType.Rgbw ? 4 : 3;

    /// <summary>How many pixels of <paramref name="type"/> the buffer holds: 18 RGBW or 24 RGB.</summary>
    public static int Capacity(LightType type) => Services.PanTilt.PanTiltHat.LightBufferLength / BytesPerPixel(type);

    public static void Write(Span<byte> buffer, LightType type, int index, LightColor color)
    {
        var pixel = buffer.Slice(index * BytesPerPixel(type), BytesPerPixel(type));
        var greenFirst = type is LightType.Grbw or LightType.Grb;
        pixel[0] = greenFirst ? color.Green : color.Red;
        pixel[1] = greenFirst ? color.Red : color.Green;
        pixel[2] = color.Blue;
        if (pixel.Length == 4)
        {
            pixel[3] = color.White;
        }
    }

    public static LightColor Read(ReadOnlySpan<byte> buffer, LightType type, int index)
    {
        var pixel = buffer.Slice(index * BytesPerPixel(type), BytesPerPixel(type));
        var greenFirst = type is LightType.Grbw or LightType.Grb;
        return new LightColor(
            greenFirst ? pixel[1] : pixel[0],
            greenFirst ? pixel[0] : pixel[1],
            pixel[2],
            pixel.Length == 4 ? pixel[3] : (byte)0);
    }
}
