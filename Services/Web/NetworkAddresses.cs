using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace PiStream.Services.Web;

/// <summary>The addresses people can open the page at.</summary>
internal static class NetworkAddresses
{
    /// <summary>This machine's IPv4 addresses that are up, loopback last.</summary>
    public static IReadOnlyList<IPAddress> Local()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
                .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
                .Select(unicast => unicast.Address)
                .Where(address => address.AddressFamily == AddressFamily.InterNetwork)
                .OrderBy(IPAddress.IsLoopback)
                .ToArray();
        }
        catch (NetworkInformationException)
        {
            return [IPAddress.Loopback];
        }
    }

    public static IEnumerable<string> PageUrls(IPAddress? bind, int port, string scheme = "http")
    {
        var addresses = bind is null || bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any) ? Local() : [bind];
        return addresses.Select(address => $"{scheme}://{(address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString())}:{port}/");
    }
}
