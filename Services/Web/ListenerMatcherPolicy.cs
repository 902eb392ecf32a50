using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace PiStream.Services.Web;

/// <summary>
/// Routing's port filter: a request that came in on the <c>--ws-port</c> listener only matches endpoints
/// marked <see cref="ListenerMetadata"/> with <see cref="Listener.WebSocketPort"/>; one on the HTTP port only
/// those without it. So pistreaming's port serves the legacy WebSocket and nothing else.
/// </summary>
internal sealed class ListenerMatcherPolicy(ListenPorts ports) : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var arrivedOn = httpContext.Connection.LocalPort == ports.WebSocket ? Listener.WebSocketPort : Listener.Http;
        for (var i = 0; i < candidates.Count; i++)
        {
            var wanted = candidates[i].Endpoint.Metadata.GetMetadata<ListenerMetadata>()?.Listener ?? Listener.Http;
            if (wanted != arrivedOn)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
