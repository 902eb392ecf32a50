namespace PiStream.Services.Encoding;

/// <summary>
/// What probe found out about ffmpeg: where it is, its version, and which of the encoders that matter
/// (<see cref="FfmpegInspector.EncodersThatMatter"/>) it has. <see cref="Path"/> null means not installed.
/// </summary>
internal sealed record FfmpegInfo(string? Path, string? Version, IReadOnlyDictionary<string, bool> Encoders)
{
    public bool Found => Path is not null;

    public bool Has(string encoder) => Encoders.GetValueOrDefault(encoder);
}
