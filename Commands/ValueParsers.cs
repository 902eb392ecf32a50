using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PiStream.Services.PanTilt;

namespace PiStream.Commands;

/// <summary>
/// Parsers for typed option values. Each one reads the token itself and reports a value it cannot use as one
/// error naming the option and the expected form; none ever throws, so a malformed value is exit 2, never a crash.
/// </summary>
internal static class ValueParsers
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int Integer(ArgumentResult result, int min, int max, int fallback)
    {
        var name = OptionName(result);
        var text = Token(result);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name} '{text}' is not a whole number: use a value from {min} to {max}.");
            return fallback;
        }

        if (value < min || value > max)
        {
            result.AddError($"{name} {value} is out of range: use a value from {min} to {max}.");
            return fallback;
        }

        return value;
    }

    /// <summary>An angle in degrees, -90 to 90, decimals allowed.</summary>
    public static double? Angle(ArgumentResult result)
    {
        var name = OptionName(result);
        var text = Token(result);
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var angle))
        {
            result.AddError($"{name} '{text}' is not a number: use an angle from -90 to 90 degrees, e.g. {name} 10 or {name} -5.5.");
            return null;
        }

        if (PanTiltAngle.Check(name, angle) is { } message)
        {
            result.AddError(message);
            return null;
        }

        return angle;
    }

    /// <summary>
    /// The value of <paramref name="option"/> as a command validator sees it: the given value when it parsed, else
    /// <paramref name="fallback"/> (an option left out, or one whose own parser already reported the error).
    /// </summary>
    public static T GivenOr<T>(CommandResult command, Option<T> option, T fallback)
    {
        if (command.GetResult(option) is not { Implicit: false } given)
        {
            return fallback;
        }

        try
        {
            return given.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            // The value did not parse: its own parser has already reported that, with the fix.
            return fallback;
        }
    }

    /// <summary>The single token of an option or argument; an empty string when there is none.</summary>
    public static string Token(ArgumentResult result) => result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;

    /// <summary>The option's name (<c>--port</c>), or the argument's for a positional value.</summary>
    public static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
