namespace PiStream.Services.Publish;

/// <summary>Where a publish target stands (shown in <c>/api/status</c> in lower case).</summary>
internal enum PublishState
{
    /// <summary>The muxer is starting and connecting; nothing has been sent yet.</summary>
    Connecting,

    /// <summary>The server accepts the stream: bytes are flowing.</summary>
    Live,

    /// <summary>The connection failed or dropped; waiting out the backoff before the next attempt.</summary>
    Retrying,
}
