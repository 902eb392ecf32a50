using System.Collections.Concurrent;
using PiStream.Services.Hosting;
using PiStream.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.PanTilt;

/// <summary>A <see cref="TestServer"/> with a pan-tilt mode, recording every servo write.</summary>
internal sealed class PanTiltServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Orientation> _moves = new();
    private readonly TestServer _server;

    private PanTiltServer(TestServer server)
    {
        _server = server;
        if (server.Host.PanTilt is { } controller)
        {
            controller.Moved += _moves.Enqueue;
        }
    }

    public StreamHost Host => _server.Host;

    public HttpClient Http => _server.Http;

    /// <summary>Every orientation written to the servos so far, oldest first.</summary>
    public Orientation[] Moves => _moves.ToArray();

    public static async Task<PanTiltServer> StartAsync(PanTiltMode mode, Func<PanTiltSettings, PanTiltSettings>? adjust = null, ServeSettings? settings = null)
    {
        var panTilt = new PanTiltSettings(mode, PanTiltHatOptions.Default);
        return new PanTiltServer(await TestServer.StartAsync((settings ?? TestServer.Settings) with { PanTilt = adjust is null ? panTilt : adjust(panTilt) }));
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

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
