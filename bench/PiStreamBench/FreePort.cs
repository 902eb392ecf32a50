using System.Net;
using System.Net.Sockets;

namespace PiStream.Bench;

/// <summary>A TCP port on 127.0.0.1 that is free right now (the start-up benchmark must know it in advance).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
