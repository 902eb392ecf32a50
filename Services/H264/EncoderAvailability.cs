namespace PiStream.Services.H264;

/// <summary>
/// What the machine offers for the live stream: the encoders ffmpeg lists, whether the hardware encoder
/// really opened in a tiny trial encode (ffmpeg lists h264_v4l2m2m on machines without the hardware, and the
/// Pi 5 has none), and whether rpicam-vid is installed.
/// </summary>
internal sealed record EncoderAvailability(IReadOnlySet<string> FfmpegEncoders, bool HardwareOpens, bool HasRpicamVid);
