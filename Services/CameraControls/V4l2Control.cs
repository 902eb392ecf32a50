namespace PiStream.Services.CameraControls;

/// <summary>One <c>--v4l2-control NAME=VALUE</c>: a V4L2 control as <c>v4l2-ctl --list-ctrls</c> names it, and a whole-number value.</summary>
internal sealed record V4l2Control(string Name, long Value)
{
    public const string Help = "NAME=VALUE with a control name as 'v4l2-ctl -d /dev/video0 --list-ctrls' lists it and a whole number, e.g. brightness=140";

    /// <summary>Null when <paramref name="text"/> is usable, else the reason.</summary>
    public static V4l2Control? TryParse(string text, out string error)
    {
        error = "";
        var equals = text.IndexOf('=');
        var name = equals < 0 ? text : text[..equals];
        var value = equals < 0 ? "" : text[(equals + 1)..];
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            error = $"'{text}' has no usable control name: give {Help}.";
            return null;
        }

        if (!long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            error = $"'{text}': the value must be a whole number: give {Help}.";
            return null;
        }

        return new V4l2Control(name, number);
    }

    public override string ToString() => $"{Name}={Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
