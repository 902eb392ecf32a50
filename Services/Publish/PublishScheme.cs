namespace PiStream.Services.Publish;

/// <summary>The protocols <c>serve --publish</c> pushes to, each with its own ffmpeg muxer (<see cref="PublishArguments"/>).</summary>
internal enum PublishScheme
{
    /// <summary><c>rtmp://</c>: FLV over RTMP (nginx-rtmp, MediaMTX, SRS, YouTube, Twitch).</summary>
    Rtmp,

    /// <summary><c>rtmps://</c>: FLV over RTMP in TLS.</summary>
    Rtmps,

    /// <summary><c>rtsp://</c>: RTSP ANNOUNCE/RECORD, interleaved over TCP.</summary>
    Rtsp,

    /// <summary><c>srt://</c>: MPEG-TS over SRT (caller mode).</summary>
    Srt,
}
