using Microsoft.AspNetCore.Http;
using PiStream.Services.Capture;
using PiStream.Services.Jpeg;

namespace PiStream.Tests.Services.Jpeg;

public sealed class JpegQueryTests
{
    private static readonly VideoFormat Format = new(640, 480, 24);

    [Theory]
    [InlineData("", null, null)]
    [InlineData("?width=320", 320, null)]
    [InlineData("?width=321", 320, null)]
    [InlineData("?width=640", null, null)]
    [InlineData("?width=32&fps=0.5", 32, 0.5)]
    [InlineData("?fps=24", null, 24.0)]
    [InlineData("?other=1", null, null)]
    public void Good_values_are_read(string query, int? width, double? fps)
    {
        Assert.True(JpegQuery.TryParse(Parse(query), Format, allowFps: true, out var request, out var error), error);
        Assert.Equal(new JpegRequest(width, fps), request);
    }

    [Theory]
    [InlineData("?width=31", "width must be a whole number from 32 to 640")]
    [InlineData("?width=641", "width must be a whole number from 32 to 640")]
    [InlineData("?width=abc", "e.g. ?width=320")]
    [InlineData("?width=-5", "width must be")]
    [InlineData("?width=1&width=2", "width must be")]
    [InlineData("?fps=0", "fps must be a number from 0.1 to 24")]
    [InlineData("?fps=25", "fps must be a number from 0.1 to 24")]
    [InlineData("?fps=1e3", "fps must be")]
    [InlineData("?fps=NaN", "fps must be")]
    public void Bad_values_are_an_error_that_says_what_is_right(string query, string expected)
    {
        Assert.False(JpegQuery.TryParse(Parse(query), Format, allowFps: true, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_snapshot_ignores_fps()
    {
        Assert.True(JpegQuery.TryParse(Parse("?fps=99"), Format, allowFps: false, out var request, out _));
        Assert.Null(request.Fps);
    }

    private static QueryCollection Parse(string query) => new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query));
}
