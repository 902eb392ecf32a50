namespace PiStream.Bench;

/// <summary>
/// The quality benchmark's camera clip as bench/run.sh hands it over: its path (<see cref="PathVariable"/>), or why
/// there is none (<see cref="MissingVariable"/>; e.g. no apt to fetch it, or a <c>--quick</c> run with nothing cached).
/// The names avoid the <c>PISTREAM_</c> prefix: serve inherits the environment and reads those as its settings.
/// </summary>
internal sealed record CameraClip(string? Path, string? Missing)
{
    /// <summary>The clip's path (bench/run.sh keeps it in <c>~/.cache/pistream-bench/vtest.avi</c>).</summary>
    public const string PathVariable = "BENCH_CAMERA_CLIP";

    /// <summary>Why bench/run.sh has no clip to give.</summary>
    public const string MissingVariable = "BENCH_CAMERA_CLIP_MISSING";

    public static CameraClip FromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(path))
        {
            return File.Exists(path) ? new CameraClip(path, null) : new CameraClip(null, $"{path} ({PathVariable}) does not exist");
        }

        var missing = Environment.GetEnvironmentVariable(MissingVariable);
        return new CameraClip(null, string.IsNullOrEmpty(missing) ? $"no clip given ({PathVariable}; bash bench/run.sh fetches it)" : missing);
    }
}
