using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PiStream.Services.PanTilt;

/// <summary>
/// The strict reading of <c>/do_orient?pan=P&amp;tilt=T</c>: each angle at most once, written as ASCII
/// digits with an optional leading minus and an optional decimal part (<c>10</c>, <c>-12.5</c>), within
/// -90..90; at least one of the two. No <c>+</c>, spaces, hex, exponents, NaN, Infinity or other
/// scripts' digits. Anything else is a 400 with the reason.
/// </summary>
internal sealed record OrientQuery(double? Pan, double? Tilt)
{
    private const int MaxWholeDigits = 3;
    private const int MaxFractionDigits = 6;

    public Orientation Orientation => new(Pan, Tilt);

    public static bool TryParse(IQueryCollection query, out OrientQuery? result, out string error)
    {
        result = null;
        if (!TryAngle(query, "pan", out var pan, out error) || !TryAngle(query, "tilt", out var tilt, out error))
        {
            return false;
        }

        if (pan is null && tilt is null)
        {
            error = "Give pan, tilt or both in degrees from -90 to 90, e.g. /do_orient?pan=10&tilt=-5 (GET /api/orientation tells where the camera points).";
            return false;
        }

        result = new OrientQuery(pan, tilt);
        return true;
    }

    private static bool TryAngle(IQueryCollection query, string axis, out double? angle, out string error)
    {
        angle = null;
        error = "";
        if (!query.TryGetValue(axis, out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            error = $"{axis} is given {values.Count} times: give it once.";
            return false;
        }

        var text = values[0] ?? "";
        if (!IsPlainNumber(text))
        {
            error = $"{axis} '{Printable(text)}' is not a number: give an angle from -90 to 90 degrees in plain digits, e.g. /do_orient?{axis}=-15.";
            return false;
        }

        var value = double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (PanTiltAngle.Check(axis, value) is { } outOfRange)
        {
            error = outOfRange;
            return false;
        }

        angle = value;
        return true;
    }

    private static bool IsPlainNumber(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        return whole.Length is > 0 and <= MaxWholeDigits
            && !whole.ContainsAnyExceptInRange('0', '9')
            && (point < 0 || (fraction.Length is > 0 and <= MaxFractionDigits && !fraction.ContainsAnyExceptInRange('0', '9')));
    }

    private static string Printable(string text) =>
        text.Length > 20 ? text[..20] + "…" : string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}
