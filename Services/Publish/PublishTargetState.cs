using Microsoft.Extensions.Logging;

namespace PiStream.Services.Publish;

/// <summary>
/// The state of one target as its runner moves it: connecting, live, retrying, with the time of the last
/// change, the bytes the server took and how often the connection was made again. A change is logged once;
/// staying in a state (attempt after failed attempt while retrying) logs nothing more.
/// </summary>
internal sealed class PublishTargetState(PublishTarget target, TimeProvider time, ILogger logger)
{
    private readonly Lock _lock = new();
    private PublishState _state = PublishState.Connecting;
    private DateTimeOffset _since = time.GetUtcNow();
    private long _bytesBefore;
    private long _bytesThisConnection;
    private long _reconnects;
    private bool _everLive;

    public PublishTarget Target => target;

    public PublishState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public long BytesSent
    {
        get
        {
            lock (_lock)
            {
                return _bytesBefore + _bytesThisConnection;
            }
        }
    }

    public long Reconnects
    {
        get
        {
            lock (_lock)
            {
                return _reconnects;
            }
        }
    }

    /// <summary>A new attempt begins: still connecting (first time) or retrying (after a failure) until bytes flow.</summary>
    public void Attempting()
    {
        lock (_lock)
        {
            _bytesBefore += _bytesThisConnection;
            _bytesThisConnection = 0;
        }
    }

    /// <summary>The muxer reports <paramref name="totalBytes"/> written on this connection; above zero means live.</summary>
    public void Sent(long totalBytes)
    {
        lock (_lock)
        {
            _bytesThisConnection = Math.Max(_bytesThisConnection, totalBytes);
            if (totalBytes <= 0 || _state == PublishState.Live)
            {
                return;
            }

            if (_everLive)
            {
                _reconnects++;
            }

            _everLive = true;
            Change(PublishState.Live);
        }

        logger.LogInformation("Publishing to {Target}: live", target.MaskedUrl);
    }

    /// <summary>The attempt ended (<paramref name="reason"/>); the next one comes after <paramref name="delay"/>.</summary>
    public void Failed(string reason, TimeSpan delay)
    {
        lock (_lock)
        {
            if (_state == PublishState.Retrying)
            {
                return;
            }

            Change(PublishState.Retrying);
        }

        logger.LogWarning("Publishing to {Target} stopped: {Reason}. Retrying in {Delay} s, then with backoff up to {Longest} s, until it works; the live stream goes on", target.MaskedUrl, reason, delay.TotalSeconds, PublishBackoff.Longest.TotalSeconds);
    }

    public PublishTargetStatus Status(long chunksDropped)
    {
        lock (_lock)
        {
            return new PublishTargetStatus(target.MaskedUrl, _state.ToString().ToLowerInvariant(), _since, _bytesBefore + _bytesThisConnection, _reconnects, chunksDropped);
        }
    }

    private void Change(PublishState state)
    {
        _state = state;
        _since = time.GetUtcNow();
    }
}
