namespace PiStream.Tests.Support;

/// <summary>
/// Frames whose every pixel says where it is: plane p, row r, column c holds (p * 50 + r * 7 + c) % 251.
/// Padding bytes hold 0xEE, a value no visible pixel of a small frame has in that position.
/// </summary>
internal static class SyntheticFrame
{
    public static byte[] Tight(int width, int height)
    {
        var frame = new List<byte>();
        foreach (var (plane, w, h) in Planes(width, height))
        {
            for (var row = 0; row < h; row++)
            {
                for (var column = 0; column < w; column++)
                {
                    frame.Add(Pixel(plane, row, column));
                }
            }
        }

        return frame.ToArray();
    }

    public static byte[] Padded(PiStream.Services.Capture.PlaneLayout layout)
    {
        var frame = new List<byte>();
        foreach (var (plane, w, h) in Planes(layout.Width, layout.Height))
        {
            var stride = plane == 0 ? layout.LumaStride : layout.ChromaStride;
            for (var row = 0; row < h; row++)
            {
                for (var column = 0; column < stride; column++)
                {
                    frame.Add(column < w ? Pixel(plane, row, column) : (byte)0xEE);
                }
            }
        }

        return frame.ToArray();
    }

    private static byte Pixel(int plane, int row, int column) => (byte)((plane * 50 + row * 7 + column) % 251);

    private static IEnumerable<(int Plane, int Width, int Height)> Planes(int width, int height) =>
        [(0, width, height), (1, width / 2, height / 2), (2, width / 2, height / 2)];
}
