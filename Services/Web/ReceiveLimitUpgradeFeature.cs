using Microsoft.AspNetCore.Http.Features;

namespace PiStream.Services.Web;

/// <summary>Hands the WebSocket middleware the upgraded connection wrapped in a <see cref="ReceiveLimitStream"/>.</summary>
internal sealed class ReceiveLimitUpgradeFeature(IHttpUpgradeFeature inner, long limit, Action exceeded) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync() => new ReceiveLimitStream(await inner.UpgradeAsync(), limit, exceeded);
}
