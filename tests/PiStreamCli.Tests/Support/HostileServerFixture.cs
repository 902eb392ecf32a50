using Microsoft.Extensions.Logging;

namespace PiStream.Tests.Support;

/// <summary>
/// One real server for the hostile-input tests, with a recording logger, a 1 s request-header timeout (2 s idle),
/// and a viewer connected throughout: after each test the viewer must still be getting frames and
/// nothing may have been logged at Error or above.
/// </summary>
public sealed class HostileServerFixture : IAsyncLifetime, IDisposable
{
    private readonly RecordingLoggerProvider _log = new();
    private ILoggerFactory _loggerFactory = null!;

    internal TestServer Server { get; private set; } = null!;

    internal StreamClient Witness { get; private set; } = null!;

    internal RecordingLoggerProvider Log => _log;

    public static TimeSpan HeaderTimeout { get; } = TimeSpan.FromSeconds(1);

    public async Task InitializeAsync()
    {
        _loggerFactory = _log.CreateFactory();
        Server = await TestServer.StartAsync(TestServer.Settings with { RequestHeadersTimeout = HeaderTimeout, KeepAliveTimeout = HeaderTimeout * 2 }, loggerFactory: _loggerFactory);
        Witness = await StreamClient.ConnectAsync(Server.StreamUri);
        await Witness.WaitForFramesAsync(5, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await Witness.DisposeAsync();
        await Server.DisposeAsync();
        _loggerFactory.Dispose();
    }

    /// <summary>xunit calls this after <see cref="DisposeAsync"/>: the log outlives the server that writes to it.</summary>
    public void Dispose() => _log.Dispose();

    /// <summary>The witness keeps receiving frames, and no Error or Critical entry was logged.</summary>
    internal async Task AssertStreamUnaffectedAsync()
    {
        var before = Witness.Frames.Count;
        await Witness.WaitForFramesAsync(before + 5, TimeSpan.FromSeconds(20));
        Assert.False(Witness.Completion.IsCompleted, "the witness viewer was disconnected");
        Assert.Empty(_log.Errors);
        Assert.Contains(_log.Entries, entry => entry.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal));
    }
}
