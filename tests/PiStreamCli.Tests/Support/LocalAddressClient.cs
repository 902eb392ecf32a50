using System.Net;
using System.Net.Sockets;

namespace PiStream.Tests.Support;

/// <summary>An HttpClient whose connections come from a chosen loopback address (127.0.0.2 and up), so one test can act as many clients.</summary>
internal static class LocalAddressClient
{
    public static HttpClient Create(Uri baseAddress, IPAddress local) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
