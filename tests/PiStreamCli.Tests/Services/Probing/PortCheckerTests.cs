using System.Net;
using System.Net.Sockets;
using PiStream.Services.Probing;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.Probing;

public sealed class PortCheckerTests
{
    [Fact]
    public void PortSomeoneListensOn_IsNotFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var status = PortChecker.Check(port, "http");

        Assert.False(status.Free);
        Assert.Equal($"port {port} is in use by another program", status.Problem);
    }

    [Fact]
    public void PortNobodyUses_IsFree_AndStaysFreeAfterTheCheck()
    {
        var port = FreePorts.Free();

        Assert.True(PortChecker.Check(port, "http").Free);
        Assert.True(PortChecker.Check(port, "http").Free);
    }
}
