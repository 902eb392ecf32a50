namespace PiStream.Services.Lights;

/// <summary>One pixel's red, green, blue and white levels, 0..255 each (white is ignored by RGB strips).</summary>
internal readonly record struct LightColor(byte Red, byte Green, byte Blue, byte White)
{
    public static LightColor Off => default;

    /// <summary>The four levels as JSON wants them: <c>[r,g,b,w]</c>.</summary>
    public int[] ToArray() => [Red, Green, Blue, White];

    public override string ToString() => $"{Red},{Green},{Blue},{White}";
}
