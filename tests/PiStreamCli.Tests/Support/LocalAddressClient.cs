using System.Net;

namespace PiStream.Tests.Support;

/// <summary>An HttpClient whose connections come from a chosen loopback address (127.0.0.2 and up), so one test can act as many clients.</summary>
internal static class LocalAddressClient
{
    public static HttpClient Create(Uri baseAddress, IPAddress local)
    {
        var handler = AddressedClients.Handler(local);
        handler.MaxConnectionsPerServer = 64;
        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }
}
