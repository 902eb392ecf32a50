namespace PiStream.Services.Recording;

/// <summary>A finished recording segment on disk: its path, its size and when it was last written (its end).</summary>
internal sealed record SegmentFile(string Path, long Bytes, DateTimeOffset LastWrite);
