namespace PiStream.Bench;

/// <summary>
/// Finds which frame of a raw yuv420p source file the first decoded frames of a viewer's stream show: the offset with
/// the smallest sum of absolute luma differences over <see cref="Frames"/> consecutive frames (every 4th pixel).
/// </summary>
internal static class SourceMatch
{
    public const int Frames = 5;

    public static int BestOffset(string sourceFile, int totalFrames, int width, int height, byte[] decodedLuma)
    {
        var lumaSize = width * height;
        var frameSize = lumaSize * 3 / 2;
        var window = new byte[Frames][]; // source frames offset .. offset + Frames - 1, by index modulo Frames
        using var stream = File.OpenRead(sourceFile);
        var best = 0;
        var bestDifference = long.MaxValue;
        for (var next = 0; next < totalFrames; next++)
        {
            var slot = window[next % Frames] ??= new byte[lumaSize];
            stream.Position = (long)next * frameSize;
            stream.ReadExactly(slot);
            var offset = next - Frames + 1;
            if (offset < 0)
            {
                continue;
            }

            long difference = 0;
            for (var frame = 0; frame < Frames && difference < bestDifference; frame++)
            {
                var expected = window[(offset + frame) % Frames];
                var decoded = decodedLuma.AsSpan(frame * lumaSize, lumaSize);
                for (var p = 0; p < lumaSize; p += 4)
                {
                    difference += Math.Abs(expected[p] - decoded[p]);
                }
            }

            if (difference < bestDifference)
            {
                bestDifference = difference;
                best = offset;
            }
        }

        return best;
    }
}
