using System.Diagnostics;

namespace PiStream.Tests.Support;

/// <summary>Runs the real ffprobe on bytes a test received, and answers with what it printed.</summary>
internal static class Ffprobe
{
    public static async Task<string> RunAsync(byte[] media, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pistream-{Guid.NewGuid():N}.ts");
        await File.WriteAllBytesAsync(path, media);
        try
        {
            return await RunOnFileAsync(path, arguments);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task<string> RunOnFileAsync(string path, params string[] arguments)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-v", "error", .. arguments, path])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (await output) + (await error);
    }

    /// <summary>Picture types (I, P, B) of every video frame, in order.</summary>
    public static async Task<string[]> PictureTypesAsync(byte[] media, string? format = null) =>
        (await RunAsync(media, [.. format is null ? Array.Empty<string>() : ["-f", format], "-select_streams", "v:0", "-show_entries", "frame=pict_type", "-of", "csv=p=0"]))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.TrimEnd(','))
        .Where(line => line is "I" or "P" or "B")
        .ToArray();
}
