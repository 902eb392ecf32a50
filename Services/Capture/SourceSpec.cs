namespace PiStream.Services.Capture;

/// <summary>A parsed <c>--source</c> value: <c>auto</c>, <c>test</c>, <c>libcamera[:N]</c>, <c>v4l2[:DEVICE]</c>, <c>file:PATH</c> or <c>exec:COMMAND</c>.</summary>
internal sealed record SourceSpec(SourceKind Kind, string? Argument = null)
{
    public const string Help = "auto, test, libcamera[:N], v4l2[:DEVICE], file:PATH or exec:COMMAND";

    public static SourceSpec Auto { get; } = new(SourceKind.Auto);

    public static SourceSpec Test { get; } = new(SourceKind.Test);

    /// <summary>Parses a --source value; the error names the accepted forms.</summary>
    public static bool TryParse(string text, out SourceSpec spec, out string error)
    {
        spec = Auto;
        error = "";
        var colon = text.IndexOf(':');
        var kind = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var argument = colon < 0 ? null : text[(colon + 1)..];
        switch (kind)
        {
            case "auto" when argument is null:
                return true;
            case "test" when argument is null:
                spec = Test;
                return true;
            case "libcamera" when argument is null:
                spec = new SourceSpec(SourceKind.Libcamera);
                return true;
            case "libcamera" when int.TryParse(argument, out var index) && index >= 0:
                spec = new SourceSpec(SourceKind.Libcamera, argument);
                return true;
            case "v4l2" when argument is null || argument.StartsWith("/dev/", StringComparison.Ordinal):
                spec = new SourceSpec(SourceKind.V4l2, argument);
                return true;
            case "file" when !string.IsNullOrWhiteSpace(argument):
                spec = new SourceSpec(SourceKind.File, argument);
                return true;
            case "exec" when !string.IsNullOrWhiteSpace(argument):
                spec = new SourceSpec(SourceKind.Exec, argument);
                return true;
            default:
                error = $"'{text}' is not a source. Use one of: {Help} (e.g. --source test, --source v4l2:/dev/video0).";
                return false;
        }
    }

    public override string ToString() => Argument is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()}:{Argument}";
}
