using System.Diagnostics;
using System.Globalization;

namespace PiStream.Tests.Support;

/// <summary>What ffprobe finds in a video file after decoding every frame (so a broken file cannot pass).</summary>
internal sealed record VideoProbe(string Codec, int Width, int Height, int DecodedFrames, double? Duration, string Errors)
{
    public static async Task<VideoProbe> ProbeAsync(string path)
    {
        var info = new ProcessStartInfo("ffprobe")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,nb_read_frames:format=duration",
            "-of", "default=noprint_wrappers=1", path,
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var values = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0])
            .ToDictionary(group => group.Key, group => group.First()[1].Trim());
        if (process.ExitCode != 0 || !values.TryGetValue("codec_name", out var codec))
        {
            throw new InvalidDataException($"ffprobe cannot read {path} (exit {process.ExitCode}): {await errors}");
        }

        return new VideoProbe(
            codec,
            int.Parse(values["width"], CultureInfo.InvariantCulture),
            int.Parse(values["height"], CultureInfo.InvariantCulture),
            int.TryParse(values.GetValueOrDefault("nb_read_frames"), CultureInfo.InvariantCulture, out var frames) ? frames : 0,
            double.TryParse(values.GetValueOrDefault("duration"), CultureInfo.InvariantCulture, out var duration) ? duration : null,
            await errors);
    }
}
