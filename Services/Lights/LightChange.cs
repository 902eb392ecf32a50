namespace PiStream.Services.Lights;

/// <summary>One change of <c>/do_light</c> or <c>pistream light</c>: pixel <see cref="Index"/> (or <see cref="All"/>) to <see cref="Color"/>.</summary>
internal readonly record struct LightChange(int Index, LightColor Color)
{
    /// <summary>The index that means every pixel, as in pistreaming's <c>/do_light?-1=r,g,b,w</c>.</summary>
    public const int All = -1;
}
