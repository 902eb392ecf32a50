using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace PiStream.Tests.Support;

/// <summary>
/// This machine's own addresses on an interface that is up (what <c>hostname -I</c> lists), for tests of rules that
/// exempt loopback: a server bound to one of them, and clients connecting from them, never leave the machine.
/// </summary>
internal static class MachineAddresses
{
    /// <summary>A non-loopback IPv4 address of this machine.</summary>
    public static IPAddress IPv4() =>
        Unicast().FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
        ?? throw new InvalidOperationException("This test needs a non-loopback IPv4 address on an interface that is up (hostname -I shows none).");

    /// <summary>
    /// Two IPv6 addresses of one interface in different /64 networks (a global or unique-local one and the link-local
    /// one): two different clients for a per-address rule that counts IPv6 by its /64.
    /// </summary>
    public static (IPAddress Server, IPAddress Other) IPv6Pair()
    {
        foreach (var nic in Up())
        {
            var addresses = nic.GetIPProperties().UnicastAddresses.Select(unicast => unicast.Address).Where(address => address.AddressFamily == AddressFamily.InterNetworkV6).ToArray();
            var routable = addresses.FirstOrDefault(address => !address.IsIPv6LinkLocal && !IPAddress.IsLoopback(address));
            var linkLocal = addresses.FirstOrDefault(address => address.IsIPv6LinkLocal);
            if (routable is not null && linkLocal is not null)
            {
                return (routable, linkLocal);
            }
        }

        throw new InvalidOperationException("This test needs an interface with a routable IPv6 address and a link-local one (ip -6 addr shows none).");
    }

    private static IEnumerable<IPAddress> Unicast() =>
        Up().SelectMany(nic => nic.GetIPProperties().UnicastAddresses).Select(unicast => unicast.Address).Where(address => !IPAddress.IsLoopback(address));

    private static IEnumerable<NetworkInterface> Up() =>
        NetworkInterface.GetAllNetworkInterfaces().Where(nic => nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback);
}
