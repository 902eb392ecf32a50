using System.Net;
using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Against DNS rebinding (a web page whose own name is pointed at this camera's address, so the browser
/// treats the camera as that page's site): without a login, only requests for an IP address, localhost,
/// this machine's own names (<c>hostname</c>, <c>hostname.local</c>) or a name given with
/// <c>--allowed-host</c> are served. A rebinding page cannot know a login, so with one the check is off.
/// </summary>
internal sealed class HostNameCheck
{
    private readonly HashSet<string> _names;

    public HostNameCheck(IEnumerable<string> allowedHosts, string? machineName = null)
    {
        var machine = (machineName ?? MachineName()).Trim().TrimEnd('.').ToLowerInvariant();
        _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost" };
        if (machine.Length > 0)
        {
            _names.Add(machine);
            _names.Add(machine + ".local");
            if (machine.Split('.')[0] is { Length: > 0 } shortName)
            {
                _names.Add(shortName);
                _names.Add(shortName + ".local");
            }
        }

        _names.UnionWith(allowedHosts.Select(name => name.Trim().TrimEnd('.')));
    }

    /// <summary>The names accepted besides IP addresses (for messages and tests).</summary>
    public IReadOnlyCollection<string> Names => _names;

    /// <summary>True when <paramref name="request"/>'s Host may be served without a login; <paramref name="name"/> is the name it asked for.</summary>
    public bool IsAccepted(HttpRequest request, out string name)
    {
        name = request.Host.HasValue ? request.Host.Host.Trim('[', ']').TrimEnd('.') : "";
        return name.Length == 0 // HTTP/1.0 without Host: not a browser
            || IPAddress.TryParse(name, out _)
            || _names.Contains(name)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static string MachineName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return Environment.MachineName;
        }
    }
}
