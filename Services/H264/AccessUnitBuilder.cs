using PiStream.Services.Broadcast;

namespace PiStream.Services.H264;

/// <summary>
/// Turns the NAL units of one access unit (one picture) into one message: Annex B with four-byte start
/// codes, and for an IDR picture the newest SPS and PPS first, so each keyframe message starts a decoder
/// on its own. Parameter sets and access unit delimiters met along the way are kept, not copied; SEI
/// units are kept in order before the picture's slices. Pictures before the first IDR are dropped
/// (nothing can decode them). Not thread-safe: one reader feeds it.
/// </summary>
internal sealed class AccessUnitBuilder(StreamMessagePool pool, Action<StreamMessage> publish)
{
    private byte[] _pending = new byte[1024];
    private int _pendingLength;
    private StreamMessage? _current;
    private bool _currentIsKeyframe;
    private bool _started;

    public ParameterSets ParameterSets { get; } = new();

    /// <summary>True once a slice of the current picture has been added.</summary>
    public bool HasPicture => _current is not null;

    /// <summary>Adds one NAL unit (without its start code) of the current access unit.</summary>
    public void Add(ReadOnlySpan<byte> nal)
    {
        var type = NalUnits.TypeOf(nal);
        if (nal.IsEmpty || type == NalUnitType.AccessUnitDelimiter || ParameterSets.TryKeep(nal))
        {
            return;
        }

        if (!NalUnits.IsSlice(type))
        {
            if (_current is null)
            {
                AppendPending(nal);
            }
            else
            {
                AppendNal(_current, nal);
            }

            return;
        }

        if (_current is null)
        {
            StartPicture(type == NalUnitType.IdrSlice);
        }

        if (_current is not null)
        {
            AppendNal(_current, nal);
        }
    }

    /// <summary>The access unit is complete: publishes it (if it holds a picture that can be decoded).</summary>
    public void Finish()
    {
        _pendingLength = 0;
        var frame = _current;
        if (frame is null)
        {
            return;
        }

        _current = null;
        frame.Complete(_currentIsKeyframe);
        try
        {
            publish(frame);
        }
        finally
        {
            frame.Release();
        }
    }

    /// <summary>Forgets the half-built access unit and the parameter sets (the encoder stopped; the next one starts afresh).</summary>
    public void Reset()
    {
        _current?.Release();
        _current = null;
        _pendingLength = 0;
        _started = false;
        ParameterSets.Clear();
    }

    private void StartPicture(bool idr)
    {
        if (idr && ParameterSets.Complete)
        {
            _started = true;
        }

        if (!_started)
        {
            _pendingLength = 0;
            return;
        }

        _current = pool.Rent();
        _currentIsKeyframe = idr;
        if (idr)
        {
            AppendNal(_current, ParameterSets.Sps);
            AppendNal(_current, ParameterSets.Pps);
        }

        _current.Append(_pending.AsSpan(0, _pendingLength));
        _pendingLength = 0;
    }

    private void AppendPending(ReadOnlySpan<byte> nal)
    {
        var needed = _pendingLength + NalUnits.StartCode.Length + nal.Length;
        if (needed > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(needed, _pending.Length * 2));
        }

        NalUnits.StartCode.CopyTo(_pending.AsSpan(_pendingLength));
        nal.CopyTo(_pending.AsSpan(_pendingLength + NalUnits.StartCode.Length));
        _pendingLength = needed;
    }

    private static void AppendNal(StreamMessage frame, ReadOnlySpan<byte> nal)
    {
        frame.Append(NalUnits.StartCode);
        frame.Append(nal);
    }
}
