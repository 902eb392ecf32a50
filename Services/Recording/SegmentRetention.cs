using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.Recording;

/// <summary>
/// Deletes the oldest recording segments beyond a <see cref="RetentionPolicy"/>. Only files named like
/// segments (<c>2025-06-01_14-30-00.mp4</c>) are ever touched, the segment being written is never
/// deleted, and neither is the newest finished one.
/// </summary>
internal sealed partial class SegmentRetention(string folder, RetentionPolicy policy, TimeProvider time, ILogger logger)
{
    /// <summary>Applies the policy after <paramref name="finished"/> was completed; returns the deleted paths.</summary>
    public IReadOnlyList<string> Apply(string finished)
    {
        var finishedName = Path.GetFileName(finished);
        var segments = new DirectoryInfo(folder).EnumerateFiles()
            .Where(file => IsSegmentName(file.Name))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
        var done = segments.Where(file => string.CompareOrdinal(file.Name, finishedName) <= 0)
            .Select(file => new SegmentFile(file.FullName, file.Length, file.LastWriteTimeUtc))
            .ToList();
        var inProgress = segments.Where(file => string.CompareOrdinal(file.Name, finishedName) > 0).Sum(file => file.Length);
        var deleted = new List<string>();
        foreach (var segment in Plan(done, inProgress, time.GetUtcNow(), policy))
        {
            try
            {
                File.Delete(segment.Path);
                deleted.Add(segment.Path);
                logger.LogInformation("Deleted old recording {Path} ({Bytes} bytes)", segment.Path, segment.Bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Could not delete old recording {Path}: {Reason}", segment.Path, e.Message);
            }
        }

        return deleted;
    }

    /// <summary>
    /// Which of the finished <paramref name="segments"/> (oldest first) to delete: those that ended before
    /// <c>now - MaxAge</c>, then the oldest while all segments together (with the one being written,
    /// <paramref name="inProgressBytes"/>) exceed MaxBytes. The newest finished segment always stays.
    /// </summary>
    public static IReadOnlyList<SegmentFile> Plan(IReadOnlyList<SegmentFile> segments, long inProgressBytes, DateTimeOffset now, RetentionPolicy policy)
    {
        var delete = new List<SegmentFile>();
        var total = inProgressBytes + segments.Sum(segment => segment.Bytes);
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var segment = segments[i];
            var tooOld = policy.MaxAge is { } age && segment.LastWrite < now - age;
            var tooMuch = policy.MaxBytes is { } limit && total > limit;
            if (!tooOld && !tooMuch)
            {
                break;
            }

            delete.Add(segment);
            total -= segment.Bytes;
        }

        return delete;
    }

    public static bool IsSegmentName(string name) => SegmentName().IsMatch(name);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.(mp4|mkv|ts)$")]
    private static partial Regex SegmentName();
}
