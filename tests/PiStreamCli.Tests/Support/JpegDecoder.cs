using System.Diagnostics;
using PiStream.Services.Capture;

namespace PiStream.Tests.Support;

/// <summary>Decodes a JPEG with the real ffmpeg/ffprobe: its size, its luma plane, and the frame stamp in it.</summary>
internal static class JpegDecoder
{
    /// <summary>Width and height as ffprobe reads them, with the codec name ("mjpeg" for a valid JPEG).</summary>
    public static async Task<(string Codec, int Width, int Height)> ProbeAsync(byte[] jpeg)
    {
        var text = (await Ffprobe.RunAsync(jpeg, "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0")).Trim();
        var parts = text.Split(',');
        Assert.True(parts.Length == 3, $"ffprobe could not read the JPEG: {text}");
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The capture time painted into the picture (docs/frame-stamp.md), read back after a real decode.</summary>
    public static async Task<long> ReadStampAsync(byte[] jpeg, int width, int height)
    {
        var luma = await DecodeLumaAsync(jpeg, width, height);
        Assert.True(FrameStamp.TryRead(luma, width, out var stamp), "the JPEG has no readable frame stamp");
        return stamp;
    }

    public static async Task<byte[]> DecodeLumaAsync(byte[] jpeg, int width, int height)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-f", "mjpeg", "-i", "pipe:0", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var writing = Task.Run(async () =>
        {
            await process.StandardInput.BaseStream.WriteAsync(jpeg);
            process.StandardInput.Close();
        });
        var luma = new byte[width * height];
        var read = await process.StandardOutput.BaseStream.ReadAtLeastAsync(luma, luma.Length, throwOnEndOfStream: false);
        await writing;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(read == luma.Length, $"ffmpeg decoded {read} of {luma.Length} luma bytes: {await errors}");
        return luma;
    }
}
