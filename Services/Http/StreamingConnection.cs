using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace PiStream.Services.Http;

/// <summary>
/// A connection that streams video to one viewer (a WebSocket viewer, an MJPEG client), set up by <see cref="Prepare"/>.
/// Its socket: Linux grows a
/// socket's send buffer up to megabytes (<c>net.ipv4.tcp_wmem</c>), and a viewer that stops reading lets that fill
/// before any send waits: at the default bitrate, 40 s and more during which it still holds its viewer place. Here
/// the bytes the kernel holds unsent are kept to <see cref="MaxUnsentBytes"/> (<c>TCP_NOTSENT_LOWAT</c>), so a
/// viewer's sends wait a moment after it stops reading, and the 10 s until it is closed count from about then.
/// Bytes already in flight are not limited: a healthy viewer far away keeps its full throughput.
/// </summary>
internal static class StreamingConnection
{
    /// <summary>32 KiB: under half a second of the default 800 kbit/s stream.</summary>
    public const int MaxUnsentBytes = 32 * 1024;

    /// <summary>Linux's <c>TCP_NOTSENT_LOWAT</c> (include/uapi/linux/tcp.h).</summary>
    private const int TcpNotSentLowWatermark = 25;

    /// <summary>Sets up a streaming connection: its unsent bytes limited, and no Kestrel response-rate check on it.</summary>
    public static void Prepare(HttpContext context)
    {
        LimitUnsentBytes(context);
        DropResponseRateCheck(context);
    }

    /// <summary>
    /// Limits the unsent bytes of <paramref name="context"/>'s socket (Linux, a TCP socket). Elsewhere the system's
    /// buffering stays, and a viewer that stops reading is closed 10 s after its buffers fill.
    /// </summary>
    private static void LimitUnsentBytes(HttpContext context)
    {
        if (!OperatingSystem.IsLinux() || context.Features.Get<IConnectionSocketFeature>()?.Socket is not { ProtocolType: ProtocolType.Tcp } socket)
        {
            return;
        }

        try
        {
            socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, TcpNotSentLowWatermark, BitConverter.GetBytes(MaxUnsentBytes));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client is already gone, or an old kernel without the option.
        }
    }

    /// <summary>
    /// Turns off Kestrel's minimum response data rate for this connection: it times every write, and a viewer that
    /// stops reading is closed by its own send watchdog (WebSocket viewers and MJPEG clients alike, with a reason in
    /// the log) well before Kestrel's check would end it.
    /// </summary>
    private static void DropResponseRateCheck(HttpContext context)
    {
        if (context.Features.Get<IHttpMinResponseDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
    }
}
