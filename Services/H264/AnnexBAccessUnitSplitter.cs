using PiStream.Services.Broadcast;
using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>
/// Cuts a raw H.264 byte stream (Annex B: start codes before NAL units, as <c>rpicam-vid --codec h264
/// --inline</c> and <c>ffmpeg -f h264</c> write it) into one message per access unit. A new access unit
/// starts at an access unit delimiter, a parameter set or SEI after a picture, or the first slice of a new
/// picture (first_mb_in_slice 0). Annex B gives no lengths, so a picture is published when the next one's
/// first bytes arrive: one frame later than <see cref="FlvAccessUnitSplitter"/>.
/// </summary>
internal sealed class AnnexBAccessUnitSplitter(StreamMessagePool pool, Action<StreamMessage> publish) : IEncodedStreamSplitter
{
    private readonly AccessUnitBuilder _builder = new(pool, publish);
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private int _scanned;
    private int _nalStart = -1;

    private static ReadOnlySpan<byte> StartCodePrefix => [0, 0, 1];

    public void Push(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
        Scan();
    }

    public void Reset()
    {
        _builder.Reset();
        _length = 0;
        _scanned = 0;
        _nalStart = -1;
    }

    private void Scan()
    {
        while (true)
        {
            var found = _buffer.AsSpan(_scanned, _length - _scanned).IndexOf(StartCodePrefix);
            if (found < 0)
            {
                _scanned = Math.Max(_scanned, _length - 2);
                break;
            }

            var startCode = _scanned + found;
            if (_nalStart >= 0)
            {
                var end = startCode;
                while (end > _nalStart && _buffer[end - 1] == 0)
                {
                    end--; // the zero byte of a four-byte start code, or trailing zeros
                }

                var nal = _buffer.AsSpan(_nalStart, end - _nalStart);
                if (_builder.HasPicture && StartsAccessUnit(nal))
                {
                    _builder.Finish();
                }

                _builder.Add(nal);
            }

            _nalStart = startCode + 3;
            _scanned = _nalStart;
            FinishIfNewPicture();
        }

        Compact();
    }

    /// <summary>Publishes the current picture as soon as the bytes after a start code show a new access unit begins.</summary>
    private void FinishIfNewPicture()
    {
        if (!_builder.HasPicture || _length - _nalStart < 2)
        {
            return;
        }

        if (StartsAccessUnit(_buffer.AsSpan(_nalStart, 2)))
        {
            _builder.Finish();
        }
    }

    /// <summary>True when a NAL unit (or its first two bytes) cannot belong to the picture before it.</summary>
    private static bool StartsAccessUnit(ReadOnlySpan<byte> nal) =>
        NalUnits.TypeOf(nal) is NalUnitType.AccessUnitDelimiter or NalUnitType.SequenceParameterSet or NalUnitType.PictureParameterSet or NalUnitType.Sei
        || NalUnits.StartsPicture(nal);

    private void Compact()
    {
        var keepFrom = _nalStart >= 0 ? Math.Min(_nalStart, _scanned) : _scanned;
        if (keepFrom <= 0)
        {
            return;
        }

        _buffer.AsSpan(keepFrom, _length - keepFrom).CopyTo(_buffer);
        _length -= keepFrom;
        _scanned -= keepFrom;
        _nalStart = _nalStart >= 0 ? _nalStart - keepFrom : -1;
    }
}
