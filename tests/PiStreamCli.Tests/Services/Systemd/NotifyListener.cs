using System.Net.Sockets;

namespace PiStream.Tests.Services.Systemd;

/// <summary>A real Unix datagram socket standing in for systemd's notification socket: pass <see cref="Address"/> as NOTIFY_SOCKET.</summary>
internal sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _file;

    private NotifyListener(string address, string bindName, string? file)
    {
        Address = address;
        _file = file;
        _socket.Bind(new UnixDomainSocketEndPoint(bindName));
    }

    public string Address { get; }

    /// <summary>A socket file under /tmp.</summary>
    public static NotifyListener AtPath()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pistream-notify-{Guid.NewGuid():N}.sock");
        return new NotifyListener(file, file, file);
    }

    /// <summary>An abstract socket (no file), written '@name' as systemd does.</summary>
    public static NotifyListener Abstract()
    {
        var name = $"pistream-notify-{Guid.NewGuid():N}";
        return new NotifyListener("@" + name, "\0" + name, null);
    }

    /// <summary>The next datagram; throws <see cref="TimeoutException"/> when none comes within <paramref name="timeout"/>.</summary>
    public async Task<string> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no notification within {timeout}");
        }
    }

    /// <summary>Datagrams until one contains <paramref name="text"/>; returns all received, that one last.</summary>
    public async Task<List<string>> ReceiveUntilAsync(string text, TimeSpan timeout)
    {
        var received = new List<string>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"'{text}' not received within {timeout}; got: {string.Join(" | ", received)}");
            }

            string message;
            try
            {
                message = await ReceiveAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"'{text}' not received within {timeout}; got: {string.Join(" | ", received)}");
            }

            received.Add(message);
            if (message.Split('\n').Contains(text))
            {
                return received;
            }
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_file is not null)
        {
            File.Delete(_file);
        }
    }
}
