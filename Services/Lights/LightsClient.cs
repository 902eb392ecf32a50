using System.Net;
using System.Net.Http.Json;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Lights;

/// <summary>Sets the lights through a running <c>pistream serve</c> (which owns the HAT): <c>/do_light</c>, or <c>/api/lights</c> to only read.</summary>
internal sealed class LightsClient(HttpClient http)
{
    /// <summary>
    /// Sends the changes and returns every pixel's colour as the server reports it. Throws
    /// <see cref="PanTiltRequestException"/> for an answer other than 200, <see cref="HttpRequestException"/> when the
    /// server cannot be reached.
    /// </summary>
    public async Task<LightColor[]> SetAsync(Uri server, IReadOnlyList<LightChange> changes, CancellationToken cancellationToken)
    {
        var path = changes.Count == 0 ? "api/lights" : "do_light?" + string.Join('&', changes.Select(change => $"{change.Index}={change.Color}"));
        using var response = await http.GetAsync(new Uri(server, path), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            throw new PanTiltRequestException(response.StatusCode, text.Length > 0 ? text : $"{(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = await response.Content.ReadFromJsonAsync(LightsJsonContext.Default.LightsDocument, cancellationToken);
        return body?.Pixels.Select(p => new LightColor((byte)p[0], (byte)p[1], (byte)p[2], (byte)p[3])).ToArray() ?? [];
    }
}
