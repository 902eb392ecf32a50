using System.Diagnostics;
using System.IO.Pipelines;
using PiStream.Services.Jpeg;

namespace PiStream.Tests.Services.Jpeg;

public sealed class MultipartWriterTests
{
    [Fact]
    public async Task A_part_is_boundary_content_type_content_length_blank_line_picture_crlf()
    {
        using var buffer = new MemoryStream();
        var writer = PipeWriter.Create(buffer);

        var written = await MultipartWriter.WritePartAsync(writer, new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, CancellationToken.None);

        var expected = "--pistream-frame\r\nContent-Type: image/jpeg\r\nContent-Length: 4\r\n\r\n"u8.ToArray().Concat(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9, 13, 10 }).ToArray();
        Assert.Equal(expected, buffer.ToArray());
        Assert.Equal(expected.Length, written);
        Assert.Equal("multipart/x-mixed-replace; boundary=pistream-frame", MultipartWriter.ContentType);
    }

    [Fact]
    public async Task Ffmpeg_reads_the_parts_back_as_the_same_pictures()
    {
        var pictures = new List<byte[]>();
        var splitter = new JpegSplitter(pictures.Add);
        splitter.Push(await RunFfmpegAsync(null, "-v error -f lavfi -i testsrc2=size=160x120:rate=10 -frames:v 5 -c:v mjpeg -f mjpeg pipe:1"));
        Assert.Equal(5, pictures.Count);

        using var stream = new MemoryStream();
        var writer = PipeWriter.Create(stream);
        foreach (var picture in pictures)
        {
            await MultipartWriter.WritePartAsync(writer, picture, CancellationToken.None);
        }

        var copied = await RunFfmpegAsync(stream.ToArray(), "-v error -f mpjpeg -i pipe:0 -c copy -f mjpeg pipe:1");
        Assert.Equal(pictures.SelectMany(picture => picture).ToArray(), copied);
    }

    private static async Task<byte[]> RunFfmpegAsync(byte[]? input, string arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var feeding = Task.Run(async () =>
        {
            if (input is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(input);
            }

            process.StandardInput.Close();
        });
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await feeding;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return output.ToArray();
    }
}
