using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>
/// Picks the live codec and encoder from <c>--codec</c>, <c>--encoder</c>, the source and what the machine
/// offers. Automatic: the Pi's hardware encoder through ffmpeg (h264_v4l2m2m) when it really opens, else
/// libx264, else MPEG-1 (only for <c>--codec auto</c>). rpicam-vid's own H.264 is used only when asked for
/// (<c>--encoder rpicam-vid</c>): it encodes inside the camera, so no raw frames reach pistream.
/// An impossible request throws <see cref="EncoderUnavailableException"/> naming the fix.
/// </summary>
internal static class LiveEncoderChooser
{
    public static LiveEncoderChoice Choose(CodecRequest codec, string? encoder, SourceKind source, EncoderAvailability available)
    {
        if (encoder is not null)
        {
            return Named(codec, encoder, source, available);
        }

        if (codec == CodecRequest.Mpeg1)
        {
            return new LiveEncoderChoice(VideoCodec.Mpeg1, LiveEncoders.Mpeg1, "MPEG-1 asked for (--codec mpeg1)");
        }

        if (available.HardwareOpens)
        {
            return new LiveEncoderChoice(VideoCodec.H264, LiveEncoders.V4l2M2m, "the Pi's hardware H.264 encoder opened in a trial encode");
        }

        if (available.FfmpegEncoders.Contains(LiveEncoders.LibX264))
        {
            return new LiveEncoderChoice(VideoCodec.H264, LiveEncoders.LibX264, "no hardware H.264 encoder opened; libx264 encodes in software");
        }

        if (codec == CodecRequest.H264)
        {
            throw new EncoderUnavailableException(
                "No H.264 encoder: ffmpeg has no libx264 and no working h264_v4l2m2m. Install Debian's ffmpeg (sudo apt-get install ffmpeg) or use --codec mpeg1.");
        }

        return new LiveEncoderChoice(VideoCodec.Mpeg1, LiveEncoders.Mpeg1, "no H.264 encoder found (ffmpeg has no libx264, no hardware encoder); streaming MPEG-1");
    }

    private static LiveEncoderChoice Named(CodecRequest codec, string encoder, SourceKind source, EncoderAvailability available)
    {
        var isMpeg1 = encoder == LiveEncoders.Mpeg1;
        if (!LiveEncoders.All.Contains(encoder))
        {
            throw new EncoderUnavailableException($"Unknown encoder '{encoder}'. Use --encoder {string.Join(", ", LiveEncoders.All)} (or leave it out to choose automatically).");
        }

        if (codec == CodecRequest.Mpeg1 && !isMpeg1 || codec == CodecRequest.H264 && isMpeg1)
        {
            throw new EncoderUnavailableException($"--encoder {encoder} does not make {(isMpeg1 ? "H.264" : "MPEG-1")}. Leave out --codec, or pick a matching --encoder.");
        }

        var reason = $"asked for (--encoder {encoder})";
        switch (encoder)
        {
            case LiveEncoders.Rpicam when source != SourceKind.Libcamera:
                throw new EncoderUnavailableException("--encoder rpicam-vid encodes inside the Pi camera pipeline: use it with --source libcamera, or use --encoder h264_v4l2m2m.");
            case LiveEncoders.Rpicam when !available.HasRpicamVid:
                throw new EncoderUnavailableException("rpicam-vid not found — install it with: sudo apt-get install rpicam-apps (or use --encoder libx264).");
            case LiveEncoders.Rpicam:
                return new LiveEncoderChoice(VideoCodec.H264, encoder, reason);
            case LiveEncoders.V4l2M2m when !available.HardwareOpens:
                throw new EncoderUnavailableException(
                    "h264_v4l2m2m did not open: this machine has no V4L2 hardware H.264 encoder (the Pi 5 has none). Use --encoder libx264.");
            case LiveEncoders.V4l2M2m:
                return new LiveEncoderChoice(VideoCodec.H264, encoder, reason);
            default:
                if (!available.FfmpegEncoders.Contains(encoder))
                {
                    throw new EncoderUnavailableException($"This ffmpeg has no {encoder} encoder. Install Debian's ffmpeg (sudo apt-get install ffmpeg) or choose another --encoder.");
                }

                return new LiveEncoderChoice(isMpeg1 ? VideoCodec.Mpeg1 : VideoCodec.H264, encoder, reason);
        }
    }
}
