using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Capture;
using PiStream.Services.Hosting;
using PiStream.Services.PanTilt;

namespace PiStream.Tests.Services.PanTilt;

/// <summary>A real <c>serve</c> (Kestrel on 127.0.0.1 port 0, test pattern, real ffmpeg) with a pan-tilt mode, recording every servo write.</summary>
internal sealed class PanTiltServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Orientation> _moves = new();

    private PanTiltServer(StreamHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}/"), Timeout = TimeSpan.FromSeconds(15) };
        if (host.PanTilt is { } controller)
        {
            controller.Moved += _moves.Enqueue;
        }
    }

    public StreamHost Host { get; }

    public HttpClient Http { get; }

    /// <summary>Every orientation written to the servos so far, oldest first.</summary>
    public Orientation[] Moves => _moves.ToArray();

    public static async Task<PanTiltServer> StartAsync(PanTiltMode mode, Func<PanTiltSettings, PanTiltSettings>? adjust = null)
    {
        var panTilt = new PanTiltSettings(mode, PanTiltHatOptions.Default);
        var settings = ServeSettings.Defaults with
        {
            Bind = IPAddress.Loopback,
            Port = 0,
            WebSocketPort = 0,
            Source = SourceSpec.Test,
            PanTilt = adjust is null ? panTilt : adjust(panTilt),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return new PanTiltServer(await StreamHost.StartAsync(settings, NullLoggerFactory.Instance, timeout.Token));
    }

    /// <summary>Waits (up to 15 s) until the servos have been written with <paramref name="orientation"/>.</summary>
    public async Task WaitForMoveAsync(Orientation orientation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!_moves.Contains(orientation))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
