namespace PiStream.Services.Lights;

/// <summary>The JSON of <c>GET /api/lights</c> and of a <c>/do_light</c> answer: <c>{"pixels":[[r,g,b,w],...]}</c>, pixel 0 first.</summary>
internal sealed record LightsDocument(int[][] Pixels)
{
    public static LightsDocument From(IEnumerable<LightColor> colors) => new(colors.Select(color => color.ToArray()).ToArray());
}
