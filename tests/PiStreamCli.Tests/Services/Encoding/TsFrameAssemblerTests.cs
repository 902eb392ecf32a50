using System.Diagnostics;
using PiStream.Services.Broadcast;
using PiStream.Services.Encoding;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Encoding;

/// <summary>Real ffmpeg output, fed in awkward chunks, comes out as exactly one message per encoded frame.</summary>
public sealed class TsFrameAssemblerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(188)]
    [InlineData(4096)]
    public async Task Each_encoded_frame_becomes_one_message_with_keyframes_marked(int chunk)
    {
        var stream = await EncodeAsync(frames: 30, keyframeInterval: 10);
        var frames = new List<(byte[] Data, bool Key)>();
        var assembler = new TsFrameAssembler(new StreamMessagePool(), frame => frames.Add((frame.Data.ToArray(), frame.IsKeyframe)));

        for (var offset = 0; offset < stream.Length; offset += chunk)
        {
            assembler.Push(stream.AsSpan(offset, Math.Min(chunk, stream.Length - offset)));
        }

        Assert.Equal(30, frames.Count);
        Assert.Equal([0, 10, 20], frames.Select((frame, index) => (frame, index)).Where(x => x.frame.Key).Select(x => x.index));
        Assert.All(frames, frame => Assert.Equal(0, frame.Data.Length % TsFrameAssembler.PacketSize));
        Assert.Equal(["I"], await Ffprobe.PictureTypesAsync(frames[10].Data));
        Assert.Equal(stream.Length, frames.Sum(frame => frame.Data.Length));
    }

    [Fact]
    public async Task A_damaged_unit_start_on_the_video_pid_is_skipped_without_breaking_the_stream()
    {
        var stream = await EncodeAsync(frames: 10, keyframeInterval: 5);
        var frames = new List<byte[]>();
        var assembler = new TsFrameAssembler(new StreamMessagePool(), frame => frames.Add(frame.Data.ToArray()));
        assembler.Push(stream.AsSpan(0, stream.Length / 2 / TsFrameAssembler.PacketSize * TsFrameAssembler.PacketSize));
        var videoPid = VideoPid(stream);
        var damaged = new byte[TsFrameAssembler.PacketSize];
        damaged[0] = 0x47;
        damaged[1] = (byte)(0x40 | videoPid >> 8);
        damaged[2] = (byte)videoPid;
        damaged[3] = 0x30; // adaptation field filling the whole packet, no room for a PES header
        damaged[4] = 183;

        assembler.Push(damaged);
        assembler.Push(stream.AsSpan(stream.Length / 2 / TsFrameAssembler.PacketSize * TsFrameAssembler.PacketSize));

        Assert.InRange(frames.Count, 7, 10);
        Assert.Equal("I", (await Ffprobe.PictureTypesAsync(frames[^5]))[0]);
    }

    private static int VideoPid(byte[] stream)
    {
        for (var offset = 0; offset + TsFrameAssembler.PacketSize <= stream.Length; offset += TsFrameAssembler.PacketSize)
        {
            var packet = stream.AsSpan(offset);
            if ((packet[1] & 0x40) != 0 && packet[4] == 0 && packet[5] == 0 && packet[6] == 1 && (packet[7] & 0xF0) == 0xE0)
            {
                return (packet[1] & 0x1F) << 8 | packet[2];
            }
        }

        throw new InvalidOperationException("no video PES in the stream");
    }

    private static async Task<byte[]> EncodeAsync(int frames, int keyframeInterval)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in $"-hide_banner -loglevel error -f lavfi -i testsrc=size=320x240:rate=24 -frames:v {frames} -c:v mpeg1video -bf 0 -g {keyframeInterval} -f mpegts -omit_video_pes_length 0 -muxdelay 0 -muxpreload 0 pipe:1".Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return output.ToArray();
    }
}
