using System.Net.Sockets;

namespace PiStream.Services.Systemd;

/// <summary>
/// The service manager's notification socket, as sd_notify(3) uses it: <c>$NOTIFY_SOCKET</c> names a Unix datagram
/// socket (a path, or an abstract name starting with '@'), and each notification is one datagram of
/// newline-separated assignments such as <c>READY=1</c> or <c>STATUS=...</c>.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    public const string Variable = "NOTIFY_SOCKET";

    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _endPoint;

    private NotifySocket(string address, UnixDomainSocketEndPoint endPoint)
    {
        Address = address;
        _endPoint = endPoint;
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    /// <summary>What <c>$NOTIFY_SOCKET</c> said: a path or <c>@name</c>.</summary>
    public string Address { get; }

    /// <summary>The socket named by <paramref name="address"/> (the value of <c>$NOTIFY_SOCKET</c>); null when it is unset or not a Unix socket address.</summary>
    public static NotifySocket? From(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length < 2 || (address[0] != '/' && address[0] != '@'))
        {
            // Unset, or a kind sd_notify knows but a camera server does not need (vsock:...).
            return null;
        }

        // An abstract socket has no file: its name starts with a NUL byte, which systemd writes as '@'.
        var name = address[0] == '@' ? "\0" + address[1..] : address;
        return new NotifySocket(address, new UnixDomainSocketEndPoint(name));
    }

    /// <summary>Sends one notification, e.g. <c>READY=1</c> or <c>WATCHDOG=1\nSTATUS=24 fps</c>; false when nobody receives it.</summary>
    public bool TrySend(string state)
    {
        try
        {
            _socket.SendTo(System.Text.Encoding.UTF8.GetBytes(state), SocketFlags.None, _endPoint);
            return true;
        }
        catch (SocketException)
        {
            // The service manager is gone or the socket was never there: notifications are best effort.
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
