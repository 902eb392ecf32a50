using System.Text.Json.Serialization;

namespace PiStream.Services.Aiming;

/// <summary>
/// Click-to-point's field of view, or why there is none (<see cref="Source"/> then names the fix: <c>--hfov</c> and
/// <c>--vfov</c>). A camera with an interchangeable lens (HQ, Global Shutter), a webcam or any sensor pistream does
/// not know has no field of view of its own: guessing one would turn the camera to the wrong spot. Its /api/status
/// section <c>aim</c> is <c>{"horizontal":..,"vertical":..,"source":..,"clickToPoint":..}</c>.
/// </summary>
internal sealed record Aim([property: JsonIgnore] FieldOfView? FieldOfView, [property: JsonPropertyOrder(1)] string Source)
{
    public double? Horizontal => FieldOfView?.Horizontal;

    public double? Vertical => FieldOfView?.Vertical;

    [JsonPropertyOrder(2)]
    public bool ClickToPoint => FieldOfView is not null;

    public static Aim Of(FieldOfView fieldOfView) => new(fieldOfView, fieldOfView.Source);
}
