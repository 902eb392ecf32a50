using PiStream.Services.Broadcast;

namespace PiStream.Services.Encoding;

/// <summary>
/// Cuts ffmpeg's MPEG-TS output into one message per encoded frame: the video PES packet's TS packets,
/// preceded by any table packets (PAT, PMT, SDT) written since the previous frame. A frame is complete
/// as soon as the bytes its PES header announces have arrived (the encoder writes PES lengths), or,
/// for an unbounded PES, when the next one starts. Keyframes are recognised by their MPEG-1 sequence
/// header or I-picture header. Not thread-safe: one reader feeds it.
/// </summary>
internal sealed class TsFrameAssembler(StreamMessagePool pool, Action<StreamMessage> publish)
{
    public const int PacketSize = 188;
    private const byte SyncByte = 0x47;
    private readonly byte[] _partial = new byte[PacketSize];
    private readonly byte[] _tables = new byte[PacketSize * 8];
    private int _partialLength;
    private int _tablesLength;
    private int _videoPid = -1;
    private StreamMessage? _current;
    private bool _currentIsKeyframe;
    private int _pesRemaining;

    /// <summary>Feeds bytes as they come from the encoder, in any chunking.</summary>
    public void Push(ReadOnlySpan<byte> data)
    {
        if (_partialLength > 0)
        {
            var take = Math.Min(PacketSize - _partialLength, data.Length);
            data[..take].CopyTo(_partial.AsSpan(_partialLength));
            _partialLength += take;
            data = data[take..];
            if (_partialLength < PacketSize)
            {
                return;
            }

            _partialLength = 0;
            HandlePacket(_partial);
        }

        while (data.Length >= PacketSize)
        {
            if (data[0] != SyncByte)
            {
                var next = data[1..].IndexOf(SyncByte);
                data = next < 0 ? [] : data[(next + 1)..];
                continue;
            }

            HandlePacket(data[..PacketSize]);
            data = data[PacketSize..];
        }

        if (data.Length > 0 && data[0] == SyncByte)
        {
            data.CopyTo(_partial);
            _partialLength = data.Length;
        }
    }

    /// <summary>Drops any half-assembled frame (the encoder stopped).</summary>
    public void Reset()
    {
        _current?.Release();
        _current = null;
        _partialLength = 0;
        _tablesLength = 0;
        _videoPid = -1;
    }

    private void HandlePacket(ReadOnlySpan<byte> packet)
    {
        var pid = (packet[1] & 0x1F) << 8 | packet[2];
        var unitStart = (packet[1] & 0x40) != 0;
        var adaptation = packet[3] >> 4 & 0x3;
        var payloadOffset = 4 + (adaptation is 2 or 3 ? 1 + packet[4] : 0);
        var payload = (adaptation & 1) != 0 && payloadOffset < PacketSize ? packet[payloadOffset..] : [];

        if (unitStart && IsVideoPesStart(payload))
        {
            _videoPid = pid;
        }

        if (pid != _videoPid)
        {
            if (_tablesLength + PacketSize <= _tables.Length)
            {
                packet.CopyTo(_tables.AsSpan(_tablesLength));
                _tablesLength += PacketSize;
            }

            return;
        }

        if (unitStart)
        {
            if (_current is not null)
            {
                Finish();
            }

            if (!IsVideoPesStart(payload))
            {
                return; // a damaged or falsely synced packet: wait for the next real frame
            }

            StartFrame(payload);
        }

        if (_current is null)
        {
            return;
        }

        _current.Append(packet);
        if (_pesRemaining > 0)
        {
            _pesRemaining -= payload.Length;
            if (_pesRemaining <= 0)
            {
                Finish();
            }
        }
    }

    private void StartFrame(ReadOnlySpan<byte> payload)
    {
        _current = pool.Rent();
        _current.Append(_tables.AsSpan(0, _tablesLength));
        _tablesLength = 0;
        var pesLength = payload[4] << 8 | payload[5];
        _pesRemaining = pesLength == 0 ? 0 : pesLength + 6;
        var elementaryStart = 9 + payload[8];
        _currentIsKeyframe = elementaryStart < payload.Length && Mpeg1Pictures.StartsKeyframe(payload[elementaryStart..]);
    }

    private void Finish()
    {
        var frame = _current!;
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

    private static bool IsVideoPesStart(ReadOnlySpan<byte> payload) =>
        payload.Length >= 9 && payload[0] == 0 && payload[1] == 0 && payload[2] == 1 && (payload[3] & 0xF0) == 0xE0;
}
