using Microsoft.Extensions.Logging;

namespace PiStream.Services.Recording;

/// <summary>
/// Deletes the oldest recording segments beyond a <see cref="RetentionPolicy"/>. It only ever touches
/// regular files (never a symbolic link) whose whole name is a segment name (<see cref="SegmentName"/>)
/// dated no later than tomorrow; the segment being written (<c>.part</c>) is never deleted, and neither
/// is the newest finished one.
/// </summary>
internal sealed class SegmentRetention(string folder, RetentionPolicy policy, TimeProvider time, ILogger logger)
{
    /// <summary>Applies the policy after a segment was finished; returns the deleted paths.</summary>
    public IReadOnlyList<string> Apply()
    {
        var now = time.GetUtcNow();
        var finished = new List<(SegmentFile File, DateTimeOffset Start, string Name)>();
        var inProgress = 0L;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (file.LinkTarget is not null || (file.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                continue;
            }

            if (SegmentName.TryParseInProgress(file.Name, out _, out _))
            {
                inProgress += file.Length;
            }
            else if (SegmentName.TryParseFinished(file.Name, out var start) && start <= now + SegmentName.FutureTolerance)
            {
                finished.Add((new SegmentFile(file.FullName, file.Length, file.LastWriteTimeUtc), start, file.Name));
            }
        }

        var done = finished.OrderBy(segment => segment.Start).ThenBy(segment => segment.Name, StringComparer.Ordinal).Select(segment => segment.File).ToList();
        var deleted = new List<string>();
        foreach (var segment in Plan(done, inProgress, now, policy))
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

    /// <summary>True for the whole name of a finished segment (see <see cref="SegmentName"/>).</summary>
    public static bool IsSegmentName(string name) => SegmentName.TryParseFinished(name, out _);
}
