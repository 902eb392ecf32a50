namespace PiStream.Services.Recording;

/// <summary>The codec a recording will use (an ffmpeg encoder name or <c>copy</c>), or why the requested one cannot be used.</summary>
internal sealed record RecordCodec(string? Name, string? Error)
{
    public string Describe => Name switch
    {
        RecorderSettings.Copy => "the stream's video as it is",
        H264Encoders.Hardware => "H.264, hardware encoder",
        H264Encoders.Software => "H.264, libx264",
        var other => other ?? "",
    };
}
