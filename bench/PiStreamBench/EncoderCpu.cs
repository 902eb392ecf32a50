namespace PiStream.Bench;

/// <summary>The live encoder's own CPU (the ffmpeg child of serve) and serve's, per codec and size.</summary>
internal sealed record EncoderCpu(string Codec, int Width, int Height, string Bitrate, double EncoderPercent, double ServePercent, double Fps, string Load);
