using System.Diagnostics;
using PiStream.Services.Broadcast;
using PiStream.Services.Encoding;
using PiStream.Services.Pistreaming;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Pistreaming;

/// <summary>The live encoder's MPEG-TS messages, unwrapped, are exactly the MPEG-1 elementary stream ffmpeg itself demuxes.</summary>
public sealed class ElementaryStreamTests
{
    [Fact]
    public async Task Unwrapped_messages_are_byte_for_byte_what_ffmpeg_demuxes()
    {
        using var folder = new TempFolder();
        var tsPath = Path.Combine(folder.Path, "live.ts");
        var esPath = Path.Combine(folder.Path, "live.m1v");
        await FfmpegAsync($"-f lavfi -i testsrc=size=320x240:rate=24 -frames:v 30 -c:v mpeg1video -bf 0 -g 10 -f mpegts -omit_video_pes_length 0 -muxdelay 0 -muxpreload 0 {tsPath}");
        await FfmpegAsync($"-i {tsPath} -c:v copy -f mpeg1video {esPath}");
        var messages = Unwrap(await File.ReadAllBytesAsync(tsPath));

        var concatenated = messages.SelectMany(message => message.Data).ToArray();

        Assert.Equal(30, messages.Count);
        Assert.Equal(await File.ReadAllBytesAsync(esPath), concatenated);
        Assert.Equal([0, 10, 20], messages.Select((m, i) => (m, i)).Where(x => x.m.StartsAtSequenceHeader).Select(x => x.i));
    }

    [Fact]
    public async Task The_unwrapped_stream_is_read_by_a_decoder_that_knows_only_the_elementary_stream()
    {
        using var folder = new TempFolder();
        var tsPath = Path.Combine(folder.Path, "live.ts");
        await FfmpegAsync($"-f lavfi -i testsrc=size=320x240:rate=24 -frames:v 24 -c:v mpeg1video -bf 0 -g 12 -f mpegts -omit_video_pes_length 0 -muxdelay 0 -muxpreload 0 {tsPath}");
        var stream = Unwrap(await File.ReadAllBytesAsync(tsPath)).SelectMany(message => message.Data).ToArray();

        var probed = await Ffprobe.RunAsync(stream, "-f", "mpegvideo", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0");

        Assert.Equal("mpeg1video,320,240,24", probed.Trim());
        Assert.Equal(new byte[] { 0, 0, 1, 0xB3 }, stream[..4]);
        Assert.False(LooksLikeTransportStream(stream), "the elementary stream still has MPEG-TS packet structure");
    }

    /// <summary>True when a 0x47 sync byte repeats every 188 bytes from some offset (what MPEG-TS looks like).</summary>
    internal static bool LooksLikeTransportStream(byte[] data)
    {
        for (var start = 0; start < Math.Min(188, data.Length); start++)
        {
            var synced = 0;
            for (var offset = start; offset < data.Length && data[offset] == 0x47; offset += 188)
            {
                synced++;
            }

            if (synced >= 5)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(byte[] Data, bool StartsAtSequenceHeader)> Unwrap(byte[] transportStream)
    {
        var pool = new StreamMessagePool();
        var messages = new List<(byte[], bool)>();
        var assembler = new TsFrameAssembler(pool, frame =>
        {
            var message = pool.Rent();
            ElementaryStream.Extract(frame.Data.Span, message);
            messages.Add((message.Data.ToArray(), ElementaryStream.StartsWithSequenceHeader(message.Data.Span)));
            message.Release();
        });
        assembler.Push(transportStream);
        return messages;
    }

    private static async Task FfmpegAsync(string arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in ("-hide_banner -loglevel error -y " + arguments).Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
    }
}
