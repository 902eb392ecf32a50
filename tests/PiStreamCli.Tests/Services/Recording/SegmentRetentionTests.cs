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
        string[] names = ["2025-06-01_10-00-00Z.mp4", "2025-06-01_10-10-00Z.mp4", "2025-06-01_10-20-00Z.mp4", "2025-06-01_10-30-00Z.mp4.0123abcd.part", "notes.mp4", "2025-06-01_09-00-00Z.txt"];
        foreach (var name in names)
        {
            File.WriteAllBytes(folder.File(name), new byte[100]);
        }

        var retention = new SegmentRetention(folder.Path, new RetentionPolicy(null, 1), TimeProvider.System, NullLogger.Instance);
        var deleted = retention.Apply();

        Assert.Equal([folder.File("2025-06-01_10-00-00Z.mp4"), folder.File("2025-06-01_10-10-00Z.mp4")], deleted);
        Assert.Equal(
            ["2025-06-01_09-00-00Z.txt", "2025-06-01_10-20-00Z.mp4", "2025-06-01_10-30-00Z.mp4.0123abcd.part", "notes.mp4"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Leaves_alone_links_names_with_a_newline_and_files_dated_in_the_future()
    {
        using var folder = new TempFolder();
        using var elsewhere = new TempFolder();
        var precious = elsewhere.File("precious.mp4");
        File.WriteAllBytes(precious, new byte[100]);
        string[] segments = ["2025-06-01_10-00-00Z.mp4", "2025-06-01_10-10-00Z.mp4", "2025-06-01_10-20-00Z.mp4"];
        foreach (var name in segments)
        {
            File.WriteAllBytes(folder.File(name), new byte[100]);
        }

        File.CreateSymbolicLink(folder.File("2025-05-01_00-00-00Z.mp4"), precious);
        File.WriteAllBytes(folder.File("2025-05-01_00-00-01Z.mp4\n"), new byte[100]);
        File.WriteAllBytes(folder.File("9999-12-31_23-59-59.mp4"), new byte[100_000]);
        File.WriteAllBytes(folder.File("9999-12-31_23-59-59Z.mp4.0123abcd.part"), []);
        var deleted = new SegmentRetention(folder.Path, new RetentionPolicy(null, 250), TimeProvider.System, NullLogger.Instance).Apply();

        // Only the real segments count: 300 bytes, 250 allowed, the oldest goes.
        Assert.Equal([folder.File("2025-06-01_10-00-00Z.mp4")], deleted);
        Assert.True(File.Exists(precious));
        Assert.True(File.Exists(folder.File("2025-05-01_00-00-00Z.mp4")));
        Assert.True(File.Exists(folder.File("2025-05-01_00-00-01Z.mp4\n")));
        Assert.True(File.Exists(folder.File("9999-12-31_23-59-59.mp4")));
    }

    [Fact]
    public void Earlier_local_time_names_are_still_recognised_and_ordered_by_time()
    {
        Assert.True(SegmentName.TryParseFinished("2025-06-01_14-30-00.mp4", out _));
        Assert.True(SegmentName.TryParseFinished("2025-06-01_12-30-00Z.mkv", out var utc));
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 30, 0, TimeSpan.Zero), utc);
        Assert.True(SegmentName.TryParseFinished("2025-10-26_01-30-00Z-1.ts", out _));
        Assert.False(SegmentName.TryParseFinished("2025-06-01_12-30-00Z.mp4\n", out _));
        Assert.False(SegmentName.TryParseFinished("2025-13-01_12-30-00Z.mp4", out _));
        Assert.False(SegmentName.TryParseFinished("x2025-06-01_12-30-00Z.mp4", out _));
        Assert.True(SegmentName.TryParseInProgress("2025-06-01_12-30-00Z.mp4.0123abcd.part", out var finished, out var run));
        Assert.Equal(("2025-06-01_12-30-00Z.mp4", "0123abcd"), (finished, run));
    }

    [Fact]
    public void A_finished_segment_never_takes_the_name_of_an_existing_file()
    {
        using var folder = new TempFolder();
        Assert.Equal(folder.File("2025-10-26_01-30-00Z.mp4"), SegmentName.FreePath(folder.Path, "2025-10-26_01-30-00Z.mp4"));
        File.WriteAllBytes(folder.File("2025-10-26_01-30-00Z.mp4"), [1]);
        File.CreateSymbolicLink(folder.File("2025-10-26_01-30-00Z-1.mp4"), folder.File("missing"));

        Assert.Equal(folder.File("2025-10-26_01-30-00Z-2.mp4"), SegmentName.FreePath(folder.Path, "2025-10-26_01-30-00Z.mp4"));
    }
}
