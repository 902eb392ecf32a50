using System.Net;
using System.Net.Sockets;

namespace PiStream.Tests.Support;

/// <summary>A port that was free a moment ago, for tests that must know the port before the server starts.</summary>
internal static class FreePorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
