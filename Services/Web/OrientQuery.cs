using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Web;

/// <summary>
/// The strict reading of <c>/do_orient?pan=P&amp;tilt=T</c>: each angle given at most once, as ASCII
/// digits with an optional leading minus (no <c>+</c>, spaces, hex, exponents, NaN or other scripts'
/// digits), within -90..90; at least one of the two. Anything else is a 400 with the reason.
/// </summary>
internal sealed record OrientQuery(int? Pan, int? Tilt)
{
    public const int Limit = 90;

    public static bool TryParse(IQueryCollection query, out OrientQuery? result, out string error)
    {
        result = null;
        if (!TryAngle(query, "pan", out var pan, out error) || !TryAngle(query, "tilt", out var tilt, out error))
        {
            return false;
        }

        if (pan is null && tilt is null)
        {
            error = "Give pan, tilt or both in degrees from -90 to 90, e.g. /do_orient?pan=10&tilt=-5.";
            return false;
        }

        result = new OrientQuery(pan, tilt);
        return true;
    }

    private static bool TryAngle(IQueryCollection query, string name, out int? angle, out string error)
    {
        angle = null;
        error = "";
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            error = $"{name} is given {values.Count} times: give it once.";
            return false;
        }

        var text = values[0] ?? "";
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        if (digits.Length is 0 or > 3 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            error = $"{name} must be a whole number of degrees from -{Limit} to {Limit} (ASCII digits, e.g. {name}=-15).";
            return false;
        }

        var value = int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture) * (digits.Length == text.Length ? 1 : -1);
        if (value is < -Limit or > Limit)
        {
            error = $"{name}={value} is out of range: use -{Limit} to {Limit} degrees.";
            return false;
        }

        angle = value;
        return true;
    }
}
