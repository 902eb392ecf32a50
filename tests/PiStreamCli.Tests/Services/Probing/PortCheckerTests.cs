using System.Net;
using System.Net.Sockets;
using PiStream.Services.Probing;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.Probing;

public sealed class PortCheckerTests
{
    [Fact]
    public void Port_someone_listens_on_is_not_free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var status = PortChecker.Check(port, "http");

        Assert.False(status.Free);
        Assert.Equal($"port {port} is in use by another program", status.Problem);
    }

    [Fact]
    public void Port_nobody_uses_is_free_and_stays_free_after_the_check()
    {
        var port = FreePorts.Free();

        Assert.True(PortChecker.Check(port, "http").Free);
        Assert.True(PortChecker.Check(port, "http").Free);
    }
}
