using System.Buffers.Binary;
using PiStream.Services.Broadcast;
using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>
/// Reads ffmpeg's FLV output (<c>-f flv</c>) and publishes one Annex B message per access unit. FLV is used
/// because every tag says its length up front: a picture is complete the moment its last byte arrives.
/// Raw Annex B cannot say that, so a picture would wait for the next one's first bytes (one frame of
/// latency). The parameter sets come from the AVC sequence header tag and lead every keyframe message.
/// </summary>
internal sealed class FlvAccessUnitSplitter(StreamMessagePool pool, Action<StreamMessage> publish) : IEncodedStreamSplitter
{
    private const int FileHeaderLength = 9 + 4; // "FLV", version, flags, header size, then PreviousTagSize0
    private const int TagHeaderLength = 11;
    private const int PreviousTagSizeLength = 4;
    private const byte VideoTag = 9;
    private const byte AvcCodec = 7;
    private readonly AccessUnitBuilder _builder = new(pool, publish);
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private bool _headerRead;
    private int _nalLengthSize = 4;
    private int _skip;

    public void Push(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, Math.Max(_buffer.Length - _length, 0));
            if (take == 0)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
                continue;
            }

            data[..take].CopyTo(_buffer.AsSpan(_length));
            _length += take;
            data = data[take..];
            Consume();
        }
    }

    public void Reset()
    {
        _builder.Reset();
        _length = 0;
        _headerRead = false;
        _nalLengthSize = 4;
        _skip = 0;
    }

    private void Consume()
    {
        var offset = 0;
        if (!_headerRead)
        {
            if (_length < FileHeaderLength)
            {
                return;
            }

            if (_buffer[0] != 'F' || _buffer[1] != 'L' || _buffer[2] != 'V')
            {
                throw new InvalidDataException("The encoder's output is not FLV.");
            }

            offset = FileHeaderLength;
            _headerRead = true;
        }

        while (true)
        {
            var skipped = Math.Min(_skip, _length - offset);
            offset += skipped;
            _skip -= skipped;
            var available = _length - offset;
            if (_skip > 0 || available < TagHeaderLength)
            {
                break;
            }

            var tag = _buffer.AsSpan(offset, available);
            var dataSize = tag[1] << 16 | tag[2] << 8 | tag[3];
            if (available < TagHeaderLength + dataSize)
            {
                break; // wait for the rest of the tag
            }

            if (tag[0] == VideoTag)
            {
                OnVideo(tag.Slice(TagHeaderLength, dataSize));
            }

            offset += TagHeaderLength + dataSize;
            _skip = PreviousTagSizeLength; // not needed: the picture is published before it arrives
        }

        _buffer.AsSpan(offset, _length - offset).CopyTo(_buffer);
        _length -= offset;
    }

    private void OnVideo(ReadOnlySpan<byte> video)
    {
        if (video.Length < 5 || (video[0] & 0x0F) != AvcCodec)
        {
            return;
        }

        var body = video[5..];
        switch (video[1])
        {
            case 0:
                ReadDecoderConfiguration(body);
                break;
            case 1:
                while (body.Length >= _nalLengthSize)
                {
                    var size = (int)ReadLength(body[.._nalLengthSize]);
                    body = body[_nalLengthSize..];
                    if (size > body.Length)
                    {
                        break;
                    }

                    _builder.Add(body[..size]);
                    body = body[size..];
                }

                _builder.Finish();
                break;
        }
    }

    private void ReadDecoderConfiguration(ReadOnlySpan<byte> record)
    {
        if (record.Length < 7)
        {
            return;
        }

        _nalLengthSize = (record[4] & 0x3) + 1;
        var rest = record[5..];
        for (var list = 0; list < 2 && !rest.IsEmpty; list++)
        {
            var count = list == 0 ? rest[0] & 0x1F : rest[0];
            rest = rest[1..];
            for (var i = 0; i < count && rest.Length >= 2; i++)
            {
                var size = BinaryPrimitives.ReadUInt16BigEndian(rest);
                if (rest.Length < 2 + size)
                {
                    return;
                }

                _builder.ParameterSets.TryKeep(rest.Slice(2, size));
                rest = rest[(2 + size)..];
            }
        }
    }

    private static uint ReadLength(ReadOnlySpan<byte> bytes)
    {
        uint value = 0;
        foreach (var b in bytes)
        {
            value = value << 8 | b;
        }

        return value;
    }
}
