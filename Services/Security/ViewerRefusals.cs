using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.Security;

/// <summary>
/// Tells the log and /metrics about refused viewers without letting a flood fill the log: the first refusal of a burst
/// is logged, the ones within the next <see cref="Quiet"/> are only counted, and the next line says how many there were.
/// Every refusal counts in <c>pistream.viewers.refused</c> (tag <c>limit</c>: the option whose limit was reached).
/// </summary>
internal sealed class ViewerRefusals
{
    /// <summary>At most one log line about refused viewers in this time.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter<long>? _refused;
    private long _loggedAt;
    private bool _logged;
    private int _unlogged;

    public ViewerRefusals(TimeProvider time, ILogger logger, IMeterFactory? meters = null)
    {
        _time = time;
        _logger = logger;
        _refused = meters?.Create("PiStream").CreateCounter<long>("pistream.viewers.refused", "{viewer}", "Viewers refused because --max-viewers or --max-viewers-per-address was reached, by the option");
    }

    public void Refused(IPAddress address, ViewerRefusal refusal)
    {
        _refused?.Add(1, new KeyValuePair<string, object?>("limit", refusal.Option.TrimStart('-')));
        int unlogged;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_logged && _time.GetElapsedTime(_loggedAt, now) < Quiet)
            {
                _unlogged++;
                return;
            }

            unlogged = _unlogged;
            _unlogged = 0;
            _logged = true;
            _loggedAt = now;
        }

        _logger.LogWarning(
            "Refused a viewer from {Address}: the limit of {Option} {Limit} is reached; raise it to let more viewers in. {Unlogged} more were refused since the last such line (logged at most once every {Seconds} s)",
            address,
            refusal.Option,
            refusal.Limit,
            unlogged,
            Quiet.TotalSeconds);
    }
}
