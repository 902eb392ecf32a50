using System.Net;
using System.Net.Sockets;

namespace PiStream.Testing;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago, for a caller that must know the port before the server starts.</summary>
public static class FreePorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
