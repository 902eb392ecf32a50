using System.Diagnostics;
using PiStream.Services.Jpeg;

namespace PiStream.Tests.Services.Jpeg;

public sealed class JpegSplitterTests
{
    // SOI, a DQT segment whose table bytes read FF D9, SOS with its header, entropy data with a stuffed FF 00 and a restart marker, EOI.
    private static readonly byte[] Tricky =
    [
        0xFF, 0xD8,
        0xFF, 0xDB, 0x00, 0x06, 0xFF, 0xD9, 0xFF, 0xD9,
        0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02,
        0x11, 0xFF, 0x00, 0x22, 0xFF, 0xD3, 0x33,
        0xFF, 0xD9,
    ];

    [Fact]
    public void Table_bytes_stuffed_bytes_and_restart_markers_do_not_end_a_picture()
    {
        var pictures = new List<byte[]>();
        var splitter = new JpegSplitter(pictures.Add);

        splitter.Push([.. Tricky, .. Tricky]);

        Assert.Equal(2, pictures.Count);
        Assert.All(pictures, picture => Assert.Equal(Tricky, picture));
    }

    [Fact]
    public void A_picture_split_across_reads_at_every_byte_comes_out_whole_once()
    {
        for (var cut = 1; cut < Tricky.Length; cut++)
        {
            var pictures = new List<byte[]>();
            var splitter = new JpegSplitter(pictures.Add);

            splitter.Push(Tricky.AsSpan(0, cut));
            Assert.Empty(pictures);
            splitter.Push(Tricky.AsSpan(cut));

            Assert.Equal(Tricky, Assert.Single(pictures));
        }
    }

    [Fact]
    public void Bytes_before_a_picture_are_skipped_and_counted()
    {
        var pictures = new List<byte[]>();
        var splitter = new JpegSplitter(pictures.Add);

        splitter.Push([0x00, 0xFF, 0x12, .. Tricky]);

        Assert.Equal(Tricky, Assert.Single(pictures));
        Assert.Equal(3, splitter.DiscardedBytes);
    }

    [Fact]
    public async Task Real_ffmpeg_output_splits_into_its_frames_byte_for_byte()
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in "-v error -f lavfi -i testsrc2=size=320x240:rate=30 -frames:v 25 -c:v mjpeg -q:v 3 -f mjpeg pipe:1".Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var all = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(all);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);

        var pictures = new List<byte[]>();
        var splitter = new JpegSplitter(pictures.Add);
        var bytes = all.ToArray();
        for (var offset = 0; offset < bytes.Length; offset += 1000)
        {
            splitter.Push(bytes.AsSpan(offset, Math.Min(1000, bytes.Length - offset)));
        }

        Assert.Equal(25, pictures.Count);
        Assert.Equal(bytes, pictures.SelectMany(picture => picture).ToArray());
        Assert.All(pictures, picture => Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], [picture[0], picture[1], picture[^2], picture[^1]]));
        Assert.Equal(0, splitter.DiscardedBytes);
    }
}
