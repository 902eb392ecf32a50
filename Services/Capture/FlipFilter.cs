namespace PiStream.Services.Capture;

/// <summary>ffmpeg's filter names for the mirror flags, shared by every ffmpeg command line pistream builds.</summary>
internal static class FlipFilter
{
    /// <summary>"hflip", "vflip", both, or none, in the order ffmpeg applies them.</summary>
    public static IEnumerable<string> Names(bool horizontal, bool vertical)
    {
        if (horizontal)
        {
            yield return "hflip";
        }

        if (vertical)
        {
            yield return "vflip";
        }
    }

    /// <summary><c>-vf hflip,vflip</c> (or less), or nothing when neither flag is set.</summary>
    public static IEnumerable<string> Arguments(bool horizontal, bool vertical)
    {
        var names = string.Join(',', Names(horizontal, vertical));
        return names.Length == 0 ? [] : ["-vf", names];
    }
}
