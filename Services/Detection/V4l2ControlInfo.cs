namespace PiStream.Services.Detection;

/// <summary>
/// One control of a V4L2 device as <c>v4l2-ctl -d NODE --list-ctrls-menus</c> lists it: its name (what
/// <c>serve --v4l2-control NAME=VALUE</c> takes), type (<c>int</c>, <c>bool</c>, <c>menu</c>, <c>intmenu</c>, <c>int64</c>,
/// <c>bitmask</c>, <c>button</c>, <c>str</c>, ...), range, default and current value. A number the tool does not print for
/// the type is null. <see cref="ValueText"/> is the current menu item's name (or a string control's text);
/// <see cref="Flags"/> e.g. <c>inactive</c> (another control, such as an automatic mode, overrides it).
/// </summary>
internal sealed record V4l2ControlInfo(string Name, string Type, long? Min, long? Max, long? Step, long? Default, long? Value, string? ValueText)
{
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>A menu control's items (only the ones the driver offers: indexes may skip).</summary>
    public IReadOnlyList<V4l2MenuItem> Menu { get; init; } = [];
}
