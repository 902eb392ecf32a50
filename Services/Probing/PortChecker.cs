using System.Net;
using System.Net.Sockets;

namespace PiStream.Services.Probing;

/// <summary>Tries to listen on a port the way <c>serve</c> does (every interface), then lets it go again.</summary>
internal static class PortChecker
{
    public static PortStatus Check(int port, string purpose)
    {
        if (port == 0)
        {
            return new PortStatus(port, purpose, true, null);
        }

        try
        {
            using var socket = Socket.OSSupportsIPv6 ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true } : new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, port));
            socket.Listen();
            return new PortStatus(port, purpose, true, null);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return new PortStatus(port, purpose, false, $"port {port} is in use by another program");
        }
        catch (SocketException e)
        {
            return new PortStatus(port, purpose, false, $"port {port} cannot be opened: {e.Message}");
        }
    }
}
