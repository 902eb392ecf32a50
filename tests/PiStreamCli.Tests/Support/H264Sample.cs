using System.Diagnostics;

namespace PiStream.Tests.Support;

/// <summary>Real libx264 output of ffmpeg's test source, in the container a test asks for (flv, h264).</summary>
internal static class H264Sample
{
    public static async Task<byte[]> EncodeAsync(string format, int frames, int keyframeInterval, params string[] extra)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        var arguments = $"-hide_banner -loglevel error -nostdin -f lavfi -i testsrc2=size=320x240:rate=24 -frames:v {frames} -c:v libx264 -preset superfast -tune zerolatency -bf 0 -g {keyframeInterval} -keyint_min {keyframeInterval} -sc_threshold 0 -pix_fmt yuv420p"
            .Split(' ').Concat(extra).Concat(["-f", format, "pipe:1"]);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return output.ToArray();
    }

    /// <summary>Feeds <paramref name="stream"/> to <paramref name="push"/> in pieces of <paramref name="chunk"/> bytes.</summary>
    public static void Feed(byte[] stream, int chunk, Action<byte[]> push)
    {
        for (var offset = 0; offset < stream.Length; offset += chunk)
        {
            push(stream.AsSpan(offset, Math.Min(chunk, stream.Length - offset)).ToArray());
        }
    }

    /// <summary>The NAL unit types of an Annex B message, in order.</summary>
    public static int[] NalTypes(byte[] annexB)
    {
        var types = new List<int>();
        for (var i = 0; i + 3 < annexB.Length; i++)
        {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1)
            {
                types.Add(annexB[i + 3] & 0x1F);
                i += 2;
            }
        }

        return [.. types];
    }
}
