using System.Diagnostics;
using Xunit;

namespace PiStream.Tests.Support;

/// <summary>Waits for the HLS segments a media server writes (nginx-rtmp in the publish tests).</summary>
internal static class HlsSegments
{
    /// <summary>A finished segment (one listed in <paramref name="playlist"/>) written after <paramref name="after"/>.</summary>
    public static async Task<string> WaitForSegmentAfterAsync(string playlist, DateTime after, TimeSpan timeout)
    {
        var folder = Path.GetDirectoryName(playlist)!;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (File.Exists(playlist))
            {
                var listed = (await File.ReadAllLinesAsync(playlist)).Where(line => line.EndsWith(".ts", StringComparison.Ordinal));
                var segment = listed.Select(name => Path.Combine(folder, name))
                    .FirstOrDefault(path => File.Exists(path) && File.GetLastWriteTimeUtc(path) > after);
                if (segment is not null)
                {
                    return segment;
                }
            }

            Assert.True(deadline.Elapsed < timeout, $"no HLS segment in {playlist} after {after:O} within {timeout}");
            await Task.Delay(200);
        }
    }
}
