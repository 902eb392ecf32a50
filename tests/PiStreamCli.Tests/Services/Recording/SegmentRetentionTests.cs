using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Recording;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.Recording;

public sealed class SegmentRetentionTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 8, 12, 0, 0, TimeSpan.Zero);

    private static readonly SegmentFile[] Week =
    [
        new("a", 100, Now.AddDays(-9)),
        new("b", 100, Now.AddDays(-8)),
        new("c", 100, Now.AddDays(-6)),
        new("d", 100, Now.AddHours(-1)),
    ];

    [Fact]
    public void Deletes_segments_older_than_keep_oldest_first()
    {
        var deleted = SegmentRetention.Plan(Week, 50, Now, new RetentionPolicy(TimeSpan.FromDays(7), null));

        Assert.Equal(["a", "b"], deleted.Select(segment => segment.Path));
    }

    [Fact]
    public void Deletes_the_oldest_until_everything_with_the_current_segment_fits_keep_size()
    {
        var deleted = SegmentRetention.Plan(Week, 50, Now, new RetentionPolicy(null, 300));

        Assert.Equal(["a", "b"], deleted.Select(segment => segment.Path));
    }

    [Fact]
    public void Applies_whichever_limit_deletes_more()
    {
        Assert.Equal(["a", "b", "c"], SegmentRetention.Plan(Week, 0, Now, new RetentionPolicy(TimeSpan.FromDays(7), 150)).Select(segment => segment.Path));
        Assert.Equal(["a", "b", "c"], SegmentRetention.Plan(Week, 0, Now, new RetentionPolicy(TimeSpan.FromDays(5), 10_000)).Select(segment => segment.Path));
    }

    [Fact]
    public void Never_deletes_the_newest_finished_segment_and_keeps_all_without_limits()
    {
        Assert.Equal(["a", "b", "c"], SegmentRetention.Plan(Week, 0, Now, new RetentionPolicy(TimeSpan.FromMinutes(1), 1)).Select(segment => segment.Path));
        Assert.Empty(SegmentRetention.Plan(Week, 0, Now, RetentionPolicy.KeepAll));
    }

    [Fact]
    public void Touches_only_segment_files_and_never_the_one_being_written()
    {
        using var folder = new TempFolder();
        string[] names = ["2025-06-01_10-00-00.mp4", "2025-06-01_10-10-00.mp4", "2025-06-01_10-20-00.mp4", "2025-06-01_10-30-00.mp4", "notes.mp4", "2025-06-01_09-00-00.txt"];
        foreach (var name in names)
        {
            File.WriteAllBytes(folder.File(name), new byte[100]);
        }

        var retention = new SegmentRetention(folder.Path, new RetentionPolicy(null, 1), TimeProvider.System, NullLogger.Instance);
        var deleted = retention.Apply(folder.File("2025-06-01_10-20-00.mp4"));

        Assert.Equal([folder.File("2025-06-01_10-00-00.mp4"), folder.File("2025-06-01_10-10-00.mp4")], deleted);
        Assert.Equal(
            ["2025-06-01_09-00-00.txt", "2025-06-01_10-20-00.mp4", "2025-06-01_10-30-00.mp4", "notes.mp4"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
