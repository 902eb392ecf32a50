using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace PiStream.Services.PanTilt;

/// <summary>Moves the camera through a running <c>pistream serve</c> (which owns the HAT): /do_orient, or /api/orientation to only read.</summary>
internal sealed class PanTiltClient(HttpClient http)
{
    /// <summary>
    /// Sends the axes <paramref name="move"/> gives (none: just reads) and returns the server's orientation. Throws
    /// <see cref="PanTiltRequestException"/> for an answer other than 200, <see cref="HttpRequestException"/> when the
    /// server cannot be reached.
    /// </summary>
    public async Task<Orientation> OrientAsync(Uri server, Orientation move, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (move.Pan is { } pan)
        {
            query.Add("pan=" + pan.ToString("R", CultureInfo.InvariantCulture));
        }

        if (move.Tilt is { } tilt)
        {
            query.Add("tilt=" + tilt.ToString("R", CultureInfo.InvariantCulture));
        }

        var path = query.Count == 0 ? "api/orientation" : "do_orient?" + string.Join('&', query);
        using var response = await http.GetAsync(new Uri(server, path), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            throw new PanTiltRequestException(response.StatusCode, text.Length > 0 ? text : $"{(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return await response.Content.ReadFromJsonAsync(PanTiltJsonContext.Default.Orientation, cancellationToken);
    }
}
