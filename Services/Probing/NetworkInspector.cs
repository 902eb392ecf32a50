using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using PiStream.Services.Web;

namespace PiStream.Services.Probing;

/// <summary>Lists interface addresses, the page URLs serve would print, and whether its two ports are free.</summary>
internal static class NetworkInspector
{
    public static NetworkReport Inspect(int httpPort, int webSocketPort) => new(
        Interfaces(),
        NetworkAddresses.PageUrls(null, httpPort).ToArray(),
        [PortChecker.Check(httpPort, "http"), PortChecker.Check(webSocketPort, "websocket")]);

    private static InterfaceAddress[] Interfaces()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(nic => nic.OperationalStatus == OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                .SelectMany(nic => nic.GetIPProperties().UnicastAddresses.Select(unicast => (nic.Name, unicast.Address)))
                .Where(entry => entry.Address.AddressFamily == AddressFamily.InterNetwork || (entry.Address.AddressFamily == AddressFamily.InterNetworkV6 && !entry.Address.IsIPv6LinkLocal))
                .OrderBy(entry => IPAddress.IsLoopback(entry.Address))
                .ThenBy(entry => entry.Address.AddressFamily == AddressFamily.InterNetworkV6)
                .Select(entry => new InterfaceAddress(entry.Name, entry.Address.ToString()))
                .ToArray();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
