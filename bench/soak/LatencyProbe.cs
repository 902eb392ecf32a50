using System.Diagnostics;
using PiStream.Services.Capture;

namespace PiStream.Soak;

/// <summary>
/// Capture-to-arrival latency from the frame stamp (docs/frame-stamp.md): the probe viewer's last frames
/// are decoded by ffmpeg to grey pictures, each stamp is read back and compared with the time the frame
/// arrived. No B-frames, so decoded pictures pair with arrived frames counting from the end.
/// </summary>
internal static class LatencyProbe
{
    public static async Task<double[]> MeasureAsync(IReadOnlyList<(byte[] Data, long ArrivedUnixMs)> frames, int width, int height)
    {
        if (frames.Count == 0)
        {
            return [];
        }

        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-f", "mpegts", "-i", "-", "-f", "rawvideo", "-pix_fmt", "gray", "-" })
        {
            info.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(info)!;
        var errors = ffmpeg.StandardError.ReadToEndAsync();
        var output = new MemoryStream();
        var reading = ffmpeg.StandardOutput.BaseStream.CopyToAsync(output);
        foreach (var (data, _) in frames)
        {
            await ffmpeg.StandardInput.BaseStream.WriteAsync(data);
        }

        ffmpeg.StandardInput.Close();
        await reading;
        await errors;
        await ffmpeg.WaitForExitAsync();

        var pictureSize = width * height;
        var pictures = (int)(output.Length / pictureSize);
        var decoded = output.GetBuffer();
        var latencies = new List<double>();
        for (var k = 1; k <= Math.Min(pictures, frames.Count); k++)
        {
            var luma = decoded.AsSpan((pictures - k) * pictureSize, pictureSize);
            if (FrameStamp.TryRead(luma, width, out var stamp))
            {
                var arrived = frames[^k].ArrivedUnixMs & ((1L << 40) - 1);
                latencies.Add(arrived - stamp);
            }
        }

        return latencies.ToArray();
    }
}
