using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;

namespace PiStream.Tests.Services.Broadcast;

/// <summary>
/// The broadcast path writes caught-up viewers' messages itself (synchronous continuations): over a real TCP connection a
/// real client still reads well-formed WebSocket messages, whole and in order, with text events between frames.
/// </summary>
public sealed class ViewerWireTests
{
    [Fact]
    public async Task Frames_and_text_arrive_whole_and_in_order_at_real_clients_one_of_them_slow()
    {
        var pool = new StreamMessagePool();
        var broadcaster = new Broadcaster(new StreamStats());
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var pairs = new List<(Viewer Viewer, Task Run, WebSocket Client)>();
        for (var i = 0; i < 3; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            var accepted = await listener.AcceptTcpClientAsync();
            var viewer = new Viewer(WebSocket.CreateFromStream(accepted.GetStream(), isServer: true, null, Timeout.InfiniteTimeSpan), $"v{i}", new ViewerOptions(400, TimeSpan.FromMinutes(1)), NullLogger.Instance);
            var run = viewer.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, stop.Token);
            pairs.Add((viewer, run, WebSocket.CreateFromStream(client.GetStream(), isServer: false, null, Timeout.InfiniteTimeSpan)));
        }

        var readers = pairs.Select((pair, i) => ReadAllAsync(pair.Client, slow: i == 2, stop.Token)).ToArray();
        while (broadcaster.ViewerCount < pairs.Count)
        {
            await Task.Delay(10);
        }

        const int frames = 300;
        for (var n = 0; n < frames; n++)
        {
            var frame = pool.Rent();
            frame.Append(Payload(n));
            frame.Complete(isKeyframe: n == 0);
            broadcaster.Publish(frame);
            frame.Release();
            if (n % 50 == 49)
            {
                var text = pool.Rent();
                text.Append(System.Text.Encoding.UTF8.GetBytes($"{{\"after\":{n}}}"));
                text.Complete(isKeyframe: false, WebSocketMessageType.Text);
                broadcaster.PublishText(text);
                text.Release();
            }

            if (n % 10 == 0)
            {
                await Task.Delay(5);
            }
        }

        foreach (var (received, i) in (await Task.WhenAll(readers.Select(r => r.WaitAsync(TimeSpan.FromSeconds(60))))).Select((r, i) => (r, i)))
        {
            var binary = received.Where(m => m.Type == WebSocketMessageType.Binary).Skip(1).ToList(); // the stream header first
            Assert.Equal(frames, binary.Count);
            for (var n = 0; n < frames; n++)
            {
                Assert.True(binary[n].Bytes.AsSpan().SequenceEqual(Payload(n)), $"viewer {i}: frame {n} is not the one sent {n}th");
            }

            var texts = received.Select((m, index) => (m, index)).Where(x => x.m.Type == WebSocketMessageType.Text).ToList();
            Assert.Equal(frames / 50, texts.Count);
            Assert.All(texts, t => Assert.Contains("\"after\":", System.Text.Encoding.UTF8.GetString(t.m.Bytes)));
        }

        await stop.CancelAsync();
        await Task.WhenAll(pairs.Select(p => p.Run)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Frame n: its number, then n-dependent bytes; sizes from 5 bytes to about 70 KB, several TCP segments.</summary>
    private static byte[] Payload(int n)
    {
        var bytes = new byte[4 + n * 233 % 70_000 + 1];
        BinaryPrimitives.WriteInt32BigEndian(bytes, n);
        for (var i = 4; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31 + n);
        }

        return bytes;
    }

    private static async Task<List<(WebSocketMessageType Type, byte[] Bytes)>> ReadAllAsync(WebSocket socket, bool slow, CancellationToken cancellationToken)
    {
        var messages = new List<(WebSocketMessageType, byte[])>();
        var buffer = new byte[128 * 1024];
        while (messages.Count(m => m.Item1 == WebSocketMessageType.Binary) < 301)
        {
            using var message = new MemoryStream();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(0, slow ? 3000 : buffer.Length), cancellationToken);
                message.Write(buffer, 0, result.Count);
                if (slow)
                {
                    await Task.Delay(1, cancellationToken);
                }
            }
            while (!result.EndOfMessage);

            messages.Add((result.MessageType, message.ToArray()));
        }

        // The text event after the last frame may still be on its way.
        using var late = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), late.Token);
            messages.Add((result.MessageType, buffer.AsSpan(0, result.Count).ToArray()));
        }
        catch (OperationCanceledException)
        {
            // None.
        }

        return messages;
    }
}
