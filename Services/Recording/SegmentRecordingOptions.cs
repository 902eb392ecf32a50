namespace PiStream.Services.Recording;

/// <summary>What <c>serve --record</c> needs: the segments, and the frame rate that times the copied H.264.</summary>
internal sealed record SegmentRecordingOptions(string FfmpegPath, SegmentSettings Segments, int Framerate);
