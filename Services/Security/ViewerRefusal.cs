using System.Globalization;

namespace PiStream.Services.Security;

/// <summary>
/// Why a viewer was not let in: the option whose limit was reached, and the message the viewer is shown (the page shows
/// it as the WebSocket's close reason, so it stays within that frame's 123 bytes).
/// </summary>
internal sealed record ViewerRefusal(string Option, int Limit, string Message)
{
    /// <summary>The longest close reason a WebSocket close frame carries (RFC 6455 5.5: 125 bytes less the code).</summary>
    public const int MaxMessageBytes = 123;

    public static ViewerRefusal Total(int limit) => new(
        "--max-viewers", limit, string.Create(CultureInfo.InvariantCulture, $"Viewer limit reached ({limit}): raise --max-viewers on the server, or try again later."));

    public static ViewerRefusal PerAddress(int limit) => new(
        "--max-viewers-per-address", limit, string.Create(CultureInfo.InvariantCulture, $"Viewer limit reached for your address ({limit}): close another viewer, or raise --max-viewers-per-address."));
}
