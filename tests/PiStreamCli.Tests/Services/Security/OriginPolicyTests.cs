using Microsoft.AspNetCore.Http;
using PiStream.Services.Security;

namespace PiStream.Tests.Services.Security;

/// <summary>Which requests count as coming from another site's page, and which host names are served without a login.</summary>
public sealed class OriginPolicyTests
{
    private static readonly OriginPolicy Policy = new(["https://dashboard.home.lan:8443"]);

    [Theory]
    [InlineData("192.168.1.20:8082", null, false)]
    [InlineData("192.168.1.20:8082", "http://192.168.1.20:8082", false)]
    [InlineData("MY-PI:8082", "http://my-pi:8082", false)]
    [InlineData("my-pi", "http://my-pi", false)]
    [InlineData("[::1]:8082", "http://[::1]:8082", false)]
    [InlineData("192.168.1.20:8084", "http://192.168.1.20:8082", false)]
    [InlineData("my-pi:8084", "http://my-pi:8000", false)]
    [InlineData("my-pi", "https://my-pi", false)]
    [InlineData("my-pi:8082", "https://dashboard.home.lan:8443", false)]
    [InlineData("my-pi:8082", "https://DASHBOARD.home.lan:8443", false)]
    [InlineData("my-pi:8082", "http://dashboard.home.lan:8443", true)]
    [InlineData("my-pi:8082", "https://dashboard.home.lan", true)]
    [InlineData("192.168.1.20:8082", "http://evil.example", true)]
    [InlineData("192.168.1.20:8082", "http://192.168.1.20.evil.example:8082", true)]
    [InlineData("192.168.1.20:8082", "null", true)]
    [InlineData("192.168.1.20:8082", "file:///tmp/page.html", true)]
    public void Origin_must_be_this_host_on_any_port_or_an_allowed_origin(string host, string? origin, bool foreign)
    {
        Assert.Equal(foreign, Policy.IsForeign(Request(host, origin, null)));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "http://evil.example", true)]
    [InlineData("none", null, false)]
    [InlineData("same-origin", "http://my-pi:8082", false)]
    [InlineData("same-site", "http://my-pi:8000", false)]
    [InlineData("same-site", "http://other.home.lan", true)]
    [InlineData("same-site", null, true)]
    [InlineData("cross-site", null, true)]
    [InlineData("cross-site", "http://evil.example", true)]
    [InlineData("cross-site", "https://dashboard.home.lan:8443", false)]
    public void A_control_request_is_cross_site_when_a_browser_says_so_unless_it_names_an_allowed_page(string? fetchSite, string? origin, bool crossSite)
    {
        Assert.Equal(crossSite, Policy.IsCrossSite(Request("my-pi:8082", origin, fetchSite)));
    }

    [Theory]
    [InlineData("192.168.1.20:8082", true)]
    [InlineData("[fe80::1]:8082", true)]
    [InlineData("localhost:8082", true)]
    [InlineData("app.localhost", true)]
    [InlineData("campi:8082", true)]
    [InlineData("CamPi.local:8082", true)]
    [InlineData("campi.local.:8082", true)]
    [InlineData("camera.home.lan:8082", true)]
    [InlineData("rebind.attacker.example:8082", false)]
    [InlineData("campi.attacker.example", false)]
    [InlineData("192.168.1.20.nip.io", false)]
    public void Without_a_login_only_addresses_local_names_and_allowed_hosts_are_served(string host, bool accepted)
    {
        var check = new HostNameCheck(["camera.home.lan"], machineName: "campi");

        Assert.Equal(accepted, check.IsAccepted(Request(host, null, null), out var name));
        Assert.Equal(new HostString(host).Host.Trim('[', ']').TrimEnd('.'), name);
    }

    private static HttpRequest Request(string host, string? origin, string? fetchSite)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (fetchSite is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        return context.Request;
    }
}
