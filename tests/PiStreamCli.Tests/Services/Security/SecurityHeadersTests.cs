using System.Net;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>Protective headers on the page and the other answers (HSTS is checked with TLS in TlsTests).</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/index.html", HttpStatusCode.OK)]
    [InlineData("/app.js", HttpStatusCode.OK)]
    [InlineData("/api/status", HttpStatusCode.OK)]
    [InlineData("/nope", HttpStatusCode.NotFound)]
    public async Task Every_answer_forbids_sniffing_framing_by_others_and_leaking_the_address(string path, HttpStatusCode status)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("default-src 'self'", policy);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }
}
