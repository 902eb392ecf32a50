using PiStream.Services.Broadcast;
using PiStream.Services.H264;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>Raw H.264 (as rpicam-vid and h264_v4l2m2m write it), fed in awkward chunks, is cut into one message per picture.</summary>
public sealed class AnnexBAccessUnitSplitterTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(3, true)]
    [InlineData(777, false)]
    [InlineData(65536, true)]
    public async Task Pictures_are_cut_at_their_first_slice_or_delimiter(int chunk, bool delimiters)
    {
        var raw = await H264Sample.EncodeAsync("h264", 30, 10, delimiters ? ["-x264-params", "aud=1"] : []);
        var messages = new List<(byte[] Data, bool Key)>();
        var splitter = new AnnexBAccessUnitSplitter(new StreamMessagePool(), frame => messages.Add((frame.Data.ToArray(), frame.IsKeyframe)));

        H264Sample.Feed(raw, chunk, bytes => splitter.Push(bytes));

        Assert.Equal(29, messages.Count); // the last picture waits for a next one that never comes
        Assert.Equal([0, 10, 20], messages.Select((m, i) => (m, i)).Where(x => x.m.Key).Select(x => x.i));
        Assert.All(messages, m => Assert.DoesNotContain(9, H264Sample.NalTypes(m.Data)));
        Assert.All(messages.Where(m => m.Key), m => Assert.Equal([7, 8], H264Sample.NalTypes(m.Data)[..2]));
        var stream = messages.SelectMany(m => m.Data).ToArray();
        Assert.Equal(29, (await Ffprobe.PictureTypesAsync(stream, "h264")).Length);
        Assert.Equal(["I"], await Ffprobe.PictureTypesAsync(messages[20].Data, "h264"));
    }

    [Fact]
    public async Task Pictures_before_the_first_keyframe_are_dropped()
    {
        var raw = await H264Sample.EncodeAsync("h264", 12, 6);
        var messages = new List<bool>();
        var splitter = new AnnexBAccessUnitSplitter(new StreamMessagePool(), frame => messages.Add(frame.IsKeyframe));

        splitter.Push(raw.AsSpan(IndexOfNal(raw, 1, skip: 0) - 4)); // joins mid-GOP, without parameter sets

        Assert.Equal([true, false, false, false, false], messages);
    }

    private static int IndexOfNal(byte[] data, int type, int skip)
    {
        for (var i = 0; i + 4 < data.Length; i++)
        {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x1F) == type && skip-- == 0)
            {
                return i + 3;
            }
        }

        return -1;
    }
}
