using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace PiStream.Services.Web;

/// <summary>
/// The ports serve listens on, as bound (a configured 0 becomes the free port the system picked). Read
/// once the server has started; the HTTP listener is bound first, the WebSocket-only one last.
/// </summary>
internal sealed class ListenPorts(IServer server, IOptions<WebServerOptions> options)
{
    private readonly Lazy<(int Http, int WebSocket)> _bound = new(() => Read(server, options.Value));

    public int Http => _bound.Value.Http;

    public int WebSocket => _bound.Value.WebSocket;

    private static (int Http, int WebSocket) Read(IServer server, WebServerOptions options)
    {
        var ports = server.Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address.Replace("+", "localhost").Replace("[::]", "localhost")).Port)
            .ToArray();
        if (ports.Length == 0)
        {
            throw new InvalidOperationException("The server has not started: its ports are not known yet.");
        }

        return (options.Port != 0 ? options.Port : ports[0], options.WebSocketPort != 0 ? options.WebSocketPort : ports[^1]);
    }
}
