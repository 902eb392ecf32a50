using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Capture;
using PiStream.Services.Hosting;
using PiStream.Services.Pipeline;
using PiStream.Services.Presets;

namespace PiStream.Tests.Support;

/// <summary>A real <c>serve</c> (Kestrel on 127.0.0.1, free ports, the test pattern) for a test to talk to.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private TestServer(StreamHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}/"), Timeout = TimeSpan.FromSeconds(15) };
    }

    public StreamHost Host { get; }

    public HttpClient Http { get; }

    public Uri StreamUri => new($"ws://127.0.0.1:{Host.HttpPort}/stream");

    public Uri WebSocketPortUri => new($"ws://127.0.0.1:{Host.WebSocketPort}/");

    public static ServeSettings Settings => ServeSettings.Defaults with
    {
        Bind = IPAddress.Loopback,
        Port = 0,
        WebSocketPort = 0,
        Source = SourceSpec.Test,
        Presets = new PresetsSettings(Path.Combine(Path.GetTempPath(), $"pistream-state-{Guid.NewGuid():N}")),
    };

    public static async Task<TestServer> StartAsync(ServeSettings? settings = null, RestartPolicy? policy = null, ILoggerFactory? loggerFactory = null)
    {
        var host = await StreamHost.StartAsync(settings ?? Settings, loggerFactory ?? NullLoggerFactory.Instance, CancellationToken.None, policy);
        return new TestServer(host);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
