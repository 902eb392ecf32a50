using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Security;

namespace PiStream.Services.Web;

/// <summary>Kestrel listening on the HTTP port and the WebSocket port, answering through <see cref="StreamRoutes"/>.</summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app, int httpPort, int webSocketPort)
    {
        _app = app;
        HttpPort = httpPort;
        WebSocketPort = webSocketPort;
    }

    public int HttpPort { get; }

    public int WebSocketPort { get; }

    /// <summary>Starts listening; throws <see cref="PortInUseException"/> naming the port and the option that moves it.</summary>
    public static async Task<WebServer> StartAsync(WebServerOptions options, StreamRoutes routes, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var access = options.Access;
        var certificate = access.UsesTls ? X509Certificate2.CreateFromPemFile(access.TlsCertificate!, access.TlsKey) : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = options.KeepAliveTimeout;
            Listen(kestrel, options.Bind, options.Port, certificate);
            Listen(kestrel, options.Bind, options.WebSocketPort, certificate);
        });

        var app = builder.Build();
        app.UseReceiveLimit(ViewerOptions.DefaultMaxReceivedBytes, loggerFactory.CreateLogger<WebServer>());
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        var gate = new AccessGate(access, new FailedLoginLimiter(TimeProvider.System), new VerifiedLogins(TimeProvider.System), loggerFactory.CreateLogger<AccessGate>());
        var viewerLimit = new ViewerLimit(access.MaxViewers, access.MaxViewersPerAddress, loggerFactory.CreateLogger<ViewerLimit>());
        app.Use(SecurityHeaders.Middleware(access.UsesTls));
        app.Use(gate.InvokeAsync);
        app.Use(viewerLimit.InvokeAsync);
        app.Run(routes.HandleAsync);
        routes.Stopping = app.Lifetime.ApplicationStopping;
        routes.WebSocketPort = options.WebSocketPort;

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new PortInUseException(PortInUseMessage(e, options), e);
        }

        var ports = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address.Replace("+", "localhost").Replace("[::]", "localhost")).Port)
            .ToArray();
        var httpPort = options.Port != 0 ? options.Port : ports[0];
        var webSocketPort = options.WebSocketPort != 0 ? options.WebSocketPort : ports[^1];
        routes.WebSocketPort = webSocketPort;
        return new WebServer(app, httpPort, webSocketPort);
    }

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, IPAddress? bind, int port, X509Certificate2? certificate)
    {
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions> configure = listen =>
        {
            if (certificate is not null)
            {
                // HTTP/1.1 only: over TLS, browsers would otherwise offer WebSockets over HTTP/2 (a CONNECT
                // request), and every viewer of a browser would share one connection's flow control.
                listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1;
                listen.UseHttps(certificate);
            }
        };
        if (bind is null)
        {
            kestrel.ListenAnyIP(port, configure);
        }
        else
        {
            kestrel.Listen(bind, port, configure);
        }
    }

    private static string PortInUseMessage(IOException e, WebServerOptions options)
    {
        var port = e.Message.Contains($":{options.WebSocketPort}", StringComparison.Ordinal) && options.WebSocketPort != 0 ? options.WebSocketPort : options.Port;
        var option = port == options.WebSocketPort ? "--ws-port" : "--port";
        return $"Port {port} is already in use (is another pistream running?). Stop that program or choose another port with {option}.";
    }
}
