namespace PiStream.Services.Web;

/// <summary>
/// A file the page needs, embedded in the tool so a Pi without internet serves it. <see cref="ETag"/> is a strong
/// validator made from the content, so a browser that has the file gets 304 instead of the bytes again.
/// </summary>
internal sealed record WebAsset(string Path, string ContentType, byte[] Content, string ETag);
