namespace PiStream.Services.Encoding;

/// <summary><c>serve --codec</c>: H.264 when a working encoder is found (auto), or one codec for sure.</summary>
internal enum CodecRequest
{
    Auto,
    H264,
    Mpeg1,
}
