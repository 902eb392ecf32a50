using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PiStream.Services.PanTilt;

/// <summary>
/// The strict reading of <c>/do_orient</c>: one of three kinds of move, never a mix. Absolute
/// <c>?pan=P&amp;tilt=T</c> (-90..90), relative <c>?pan_by=P&amp;tilt_by=T</c> (-180..180, the result clamped), or a
/// point of the picture to centre, <c>?x=X&amp;y=Y</c> (fractions 0..1, both needed). Each value at most once, written
/// as ASCII digits with an optional leading minus and an optional decimal part (<c>10</c>, <c>-12.5</c>). No <c>+</c>,
/// spaces, hex, exponents, NaN, Infinity or other scripts' digits. Anything else is a 400 with the reason.
/// </summary>
internal sealed record OrientQuery(double? Pan, double? Tilt)
{
    private const int MaxWholeDigits = 3;
    private const int MaxFractionDigits = 6;

    public double? PanBy { get; init; }

    public double? TiltBy { get; init; }

    /// <summary>The point to centre, as fractions of the picture's width and height from its top-left corner.</summary>
    public (double X, double Y)? Point { get; init; }

    public Orientation Orientation => new(Pan, Tilt);

    public bool IsRelative => PanBy is not null || TiltBy is not null;

    public static bool TryParse(IQueryCollection query, out OrientQuery? result, out string error)
    {
        result = null;
        if (!TryNumber(query, "pan", -90, 90, out var pan, out error) || !TryNumber(query, "tilt", -90, 90, out var tilt, out error)
            || !TryNumber(query, "pan_by", -180, 180, out var panBy, out error) || !TryNumber(query, "tilt_by", -180, 180, out var tiltBy, out error)
            || !TryNumber(query, "x", 0, 1, out var x, out error) || !TryNumber(query, "y", 0, 1, out var y, out error))
        {
            return false;
        }

        var absolute = pan is not null || tilt is not null;
        var relative = panBy is not null || tiltBy is not null;
        var point = x is not null || y is not null;
        if ((absolute ? 1 : 0) + (relative ? 1 : 0) + (point ? 1 : 0) > 1)
        {
            error = "Give one kind of move: pan/tilt (where to point), pan_by/tilt_by (how far to turn) or x/y (a point of the picture to centre), not a mix.";
            return false;
        }

        if (point && (x is null || y is null))
        {
            error = "Give both x and y, the point of the picture to centre as fractions of its width and height, e.g. /do_orient?x=0.75&y=0.25.";
            return false;
        }

        if (!absolute && !relative && !point)
        {
            error = "Give pan, tilt or both in degrees from -90 to 90, e.g. /do_orient?pan=10&tilt=-5 (or pan_by/tilt_by to turn by, x/y to centre a point; GET /api/orientation tells where the camera points).";
            return false;
        }

        result = new OrientQuery(pan, tilt) { PanBy = panBy, TiltBy = tiltBy, Point = point ? (x!.Value, y!.Value) : null };
        return true;
    }

    private static bool TryNumber(IQueryCollection query, string name, double min, double max, out double? number, out string error)
    {
        number = null;
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
        var range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        if (!IsPlainNumber(text))
        {
            error = $"{name} '{Printable(text)}' is not a number: give a value {range} in plain digits, e.g. /do_orient?{name}={(max <= 1 ? "0.5" : "-15")}.";
            return false;
        }

        var value = double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value < min || value > max)
        {
            error = name is "pan" or "tilt"
                ? PanTiltAngle.Check(name, value)!
                : $"{name} {value.ToString(CultureInfo.InvariantCulture)} is out of range: give a value {range}.";
            return false;
        }

        number = value;
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
