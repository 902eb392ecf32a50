using Microsoft.AspNetCore.Http;
using PiStream.Services.Security;

namespace PiStream.Tests.Services.Security;

/// <summary>Which WebSocket upgrades count as coming from another site's page.</summary>
public sealed class OriginCheckTests
{
    [Theory]
    [InlineData("192.168.1.20:8082", null, false)]
    [InlineData("192.168.1.20:8082", "http://192.168.1.20:8082", false)]
    [InlineData("MY-PI:8082", "http://my-pi:8082", false)]
    [InlineData("my-pi", "http://my-pi", false)]
    [InlineData("[::1]:8082", "http://[::1]:8082", false)]
    [InlineData("192.168.1.20:8082", "http://192.168.1.20:8083", true)]
    [InlineData("192.168.1.20:8082", "http://evil.example", true)]
    [InlineData("192.168.1.20:8082", "http://192.168.1.20.evil.example:8082", true)]
    [InlineData("192.168.1.20:8082", "null", true)]
    [InlineData("192.168.1.20:8082", "file:///tmp/page.html", true)]
    [InlineData("my-pi", "https://my-pi", true)]
    public void Origin_must_name_the_host_and_port_the_request_went_to(string host, string? origin, bool foreign)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        Assert.Equal(foreign, OriginCheck.IsForeign(context.Request));
    }
}
