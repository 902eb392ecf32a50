using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PiStream.Services.Web;

/// <summary>Registers Kestrel on serve's two ports, the port filter for endpoints, the viewer endpoint and the page's files.</summary>
internal static class WebServerServiceCollectionExtensions
{
    public static IServiceCollection AddWebServer(this IServiceCollection services, WebServerOptions options)
    {
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<ListenPorts>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerMatcherPolicy>());
        services.AddSingleton<ViewerEndpoint>();
        services.AddSingleton(_ => WebAssets.Load());
        // A flush sends on the flushing thread instead of queueing the send to Kestrel's I/O threads: the broadcast
        // writes a picture to every viewer in turn, and queued sends held each viewer's copy in Kestrel's memory pool
        // until sent, so at every keyframe the pool grew by a few blocks a viewer and kept that peak (GC heap at 500
        // viewers 26.5 -> 13.9 MB, docs/benchmarks.md). Socket completions still reach the thread pool (the runtime's
        // DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS is not set), so request handlers run where they ran before.
        services.Configure<SocketTransportOptions>(socket => socket.UnsafePreferInlineScheduling = true);
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            var certificate = options.UsesTls ? X509Certificate2.CreateFromPemFile(options.TlsCertificate!, options.TlsKey) : null;
            kestrel.AddServerHeader = false;
            kestrel.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = options.KeepAliveTimeout;
            Listen(kestrel, options.Bind, options.Port, certificate);
            Listen(kestrel, options.Bind, options.WebSocketPort, certificate);
        });
        return services;
    }

    private static void Listen(KestrelServerOptions kestrel, IPAddress? bind, int port, X509Certificate2? certificate)
    {
        Action<ListenOptions> configure = listen =>
        {
            if (certificate is not null)
            {
                // HTTP/1.1 only: over TLS, browsers would otherwise offer WebSockets over HTTP/2 (a CONNECT
                // request), and every viewer of a browser would share one connection's flow control.
                listen.Protocols = HttpProtocols.Http1;
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
}
