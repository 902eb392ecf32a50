using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using PiStream.Services.Http;

namespace PiStream.Tests.Services.Http;

public sealed class StreamingConnectionTests
{
    [Fact]
    public void A_streaming_connection_has_no_minimum_response_rate()
    {
        var streaming = new ResponseRate();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpMinResponseDataRateFeature>(streaming);

        StreamingConnection.Prepare(context);

        Assert.Null(streaming.MinDataRate);
    }

    [Fact]
    public void A_server_without_the_rate_feature_is_not_an_error()
    {
        var context = new DefaultHttpContext();

        var error = Record.Exception(() => StreamingConnection.Prepare(context));

        Assert.Null(error);
    }

    private sealed class ResponseRate : IHttpMinResponseDataRateFeature
    {
        public MinDataRate? MinDataRate { get; set; } = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
    }
}
