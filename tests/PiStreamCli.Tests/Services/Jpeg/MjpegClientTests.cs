using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using System.Buffers;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PiStream.Services.Broadcast;
using PiStream.Services.Jpeg;

namespace PiStream.Tests.Services.Jpeg;

public sealed class MjpegClientTests
{
    [Fact]
    public async Task A_client_that_has_not_taken_a_picture_gets_only_the_newest()
    {
        var client = NewClient(null, TimeProvider.System);
        client.Offer(Frame(1));
        client.Offer(Frame(2));
        client.Offer(Frame(3));
        var pipe = new Pipe();

        var running = client.RunAsync(pipe.Writer, CancellationToken.None);
        var first = await ReadPartAsync(pipe.Reader);
        client.Close("test over");
        await running;

        Assert.Equal(3, first[0]);
        Assert.Equal(1, client.FramesSent);
        Assert.Equal(2, client.FramesSkipped);
    }

    [Fact]
    public async Task Fps_spaces_the_pictures_and_sends_the_newest_when_due()
    {
        var time = new FakeTimeProvider();
        var client = NewClient(2, time);
        var pipe = new Pipe();
        var running = client.RunAsync(pipe.Writer, CancellationToken.None);

        client.Offer(Frame(1));
        Assert.Equal(1, (await ReadPartAsync(pipe.Reader))[0]);
        client.Offer(Frame(2));
        client.Offer(Frame(3));
        await Task.Delay(50);
        Assert.Equal(1, client.FramesSent); // not due before half a second

        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, (await ReadPartAsync(pipe.Reader))[0]);
        client.Close("test over");
        await running;

        Assert.Equal(2, client.FramesSent);
        Assert.Equal(1, client.FramesSkipped);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_closed_as_too_slow()
    {
        var client = NewClient(null, TimeProvider.System, TimeSpan.FromMilliseconds(200));
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 64, resumeWriterThreshold: 32));
        var running = client.RunAsync(pipe.Writer, CancellationToken.None);

        client.Offer(Frame(1, 4096));
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("client too slow", client.CloseReason);
    }

    private static MjpegClient NewClient(double? fps, TimeProvider time, TimeSpan? maxSend = null)
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        return new MjpegClient("test", fps, maxSend ?? TimeSpan.FromSeconds(10), new ViewerMetrics(meters), time, NullLogger.Instance);
    }

    private static JpegFrame Frame(byte marker, int size = 8)
    {
        var data = new byte[size];
        data[0] = marker;
        return new JpegFrame(data, marker, 0, 0);
    }

    /// <summary>Reads one multipart part and returns its body.</summary>
    private static async Task<byte[]> ReadPartAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            var text = System.Text.Encoding.Latin1.GetString(result.Buffer.ToArray());
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0)
            {
                var lengthLine = text.Split("\r\n").Single(line => line.StartsWith("Content-Length: ", StringComparison.Ordinal));
                var length = int.Parse(lengthLine["Content-Length: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                var end = headerEnd + 4 + length + 2;
                if (result.Buffer.Length >= end)
                {
                    var body = result.Buffer.Slice(headerEnd + 4, length).ToArray();
                    reader.AdvanceTo(result.Buffer.GetPosition(end));
                    return body;
                }
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
