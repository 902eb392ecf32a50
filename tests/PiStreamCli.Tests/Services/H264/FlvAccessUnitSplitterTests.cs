using PiStream.Services.Broadcast;
using PiStream.Services.H264;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>Real libx264 output in FLV, fed in awkward chunks, comes out as one Annex B message per picture.</summary>
public sealed class FlvAccessUnitSplitterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(65536)]
    public async Task Each_picture_becomes_one_message_and_keyframes_carry_the_parameter_sets(int chunk)
    {
        var flv = await H264Sample.EncodeAsync("flv", frames: 30, keyframeInterval: 10);
        var messages = new List<(byte[] Data, bool Key)>();
        var splitter = new FlvAccessUnitSplitter(new StreamMessagePool(), frame => messages.Add((frame.Data.ToArray(), frame.IsKeyframe)));

        H264Sample.Feed(flv, chunk, bytes => splitter.Push(bytes));

        Assert.Equal(30, messages.Count);
        Assert.Equal([0, 10, 20], messages.Select((m, i) => (m, i)).Where(x => x.m.Key).Select(x => x.i));
        foreach (var (data, key) in messages)
        {
            Assert.Equal([0, 0, 0, 1], data[..4]);
            var types = H264Sample.NalTypes(data);
            Assert.Equal(key ? [7, 8] : [], types.TakeWhile(t => t is 7 or 8));
            Assert.Contains(key ? 5 : 1, types);
        }

        var stream = messages.SelectMany(m => m.Data).ToArray();
        var probe = await Ffprobe.RunAsync(stream, "-f", "h264", "-show_entries", "stream=codec_name,width,height", "-of", "default=noprint_wrappers=1");
        Assert.Contains("codec_name=h264", probe);
        Assert.Contains("width=320", probe);
        Assert.Contains("height=240", probe);
        Assert.Equal(30, (await Ffprobe.PictureTypesAsync(stream, "h264")).Length);
        Assert.Equal(["I"], await Ffprobe.PictureTypesAsync(messages[10].Data, "h264"));
    }

    [Fact]
    public async Task After_a_reset_the_next_encoder_run_is_read_from_its_own_header()
    {
        var flv = await H264Sample.EncodeAsync("flv", frames: 5, keyframeInterval: 5);
        var count = 0;
        var splitter = new FlvAccessUnitSplitter(new StreamMessagePool(), _ => count++);

        splitter.Push(flv.AsSpan(0, flv.Length / 2));
        splitter.Reset();
        splitter.Push(flv);

        Assert.InRange(count, 5, 7);
    }

    [Fact]
    public void Output_that_is_not_flv_is_refused()
    {
        var splitter = new FlvAccessUnitSplitter(new StreamMessagePool(), _ => { });
        Assert.Throws<InvalidDataException>(() => splitter.Push(new byte[64]));
    }
}
