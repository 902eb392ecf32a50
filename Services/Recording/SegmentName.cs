using System.Globalization;
using System.Text.RegularExpressions;

namespace PiStream.Services.Recording;

/// <summary>
/// The names of recording segments. A finished segment is named by its start time in UTC, marked with
/// <c>Z</c> (<c>2025-06-01_12-30-00Z.mp4</c>), so names never repeat when clocks go back in autumn and
/// sort in time order; <c>-1</c>, <c>-2</c> is added when the name is taken (never overwriting a file).
/// The segment being written carries a run mark and <c>.part</c>
/// (<c>2025-06-01_12-30-00Z.mp4.1a2b3c4d.part</c>) until it is finished. Names of earlier versions
/// (local time without <c>Z</c>) are recognised so their retention goes on.
/// </summary>
internal static partial class SegmentName
{
    /// <summary>Names dated later than this after now are not pistream's (a file named 9999-12-31...): left alone.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>The strftime pattern ffmpeg writes a segment under (run in UTC): the final name plus the run mark and <c>.part</c>.</summary>
    public static string InProgressPattern(RecordingContainer container, string run) => $"%Y-%m-%d_%H-%M-%SZ{container.Extension}.{run}.part";

    /// <summary>A fresh run mark: eight hex digits.</summary>
    public static string NewRun() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    /// <summary>True for a finished segment's name, with the time it started.</summary>
    public static bool TryParseFinished(string name, out DateTimeOffset start)
    {
        start = default;
        var match = Finished().Match(name);
        if (!match.Success)
        {
            return false;
        }

        var utc = match.Groups["zone"].Success;
        if (!DateTime.TryParseExact(match.Groups["stamp"].Value, "yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture, utc ? DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal : DateTimeStyles.AssumeLocal, out var time))
        {
            return false;
        }

        start = utc ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(time);
        return true;
    }

    /// <summary>True for the name of a segment being written (or left unfinished by a crash), with the name it gets when finished.</summary>
    public static bool TryParseInProgress(string name, out string finished, out string run)
    {
        var match = InProgress().Match(name);
        finished = match.Success ? match.Groups["final"].Value : "";
        run = match.Success ? match.Groups["run"].Value : "";
        return match.Success && TryParseFinished(finished, out _);
    }

    /// <summary>A path in <paramref name="folder"/> for <paramref name="finished"/> that no file has yet: the name itself, else with -1, -2, ...</summary>
    public static string FreePath(string folder, string finished)
    {
        var extension = Path.GetExtension(finished);
        var stem = Path.GetFileNameWithoutExtension(finished);
        var path = Path.Combine(folder, finished);
        for (var i = 1; File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null; i++)
        {
            path = Path.Combine(folder, $"{stem}-{i.ToString(CultureInfo.InvariantCulture)}{extension}");
        }

        return path;
    }

    // \z, not $: '$' also matches before a final newline, and "name.mp4\n" is not a segment.
    [GeneratedRegex(@"^(?<stamp>\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?<zone>Z)?(?:-\d{1,6})?\.(?:mp4|mkv|ts)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Finished();

    [GeneratedRegex(@"^(?<final>\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}Z\.(?:mp4|mkv|ts))\.(?<run>[0-9a-f]{8})\.part\z", RegexOptions.CultureInvariant)]
    private static partial Regex InProgress();
}
