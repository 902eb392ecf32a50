namespace PiStream.Services.Web;

/// <summary>A file the page needs, embedded in the tool so a Pi without internet serves it.</summary>
internal sealed record WebAsset(string Path, string ContentType, byte[] Content);
