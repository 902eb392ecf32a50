namespace PiStream.Services.Jpeg;

/// <summary>
/// Cuts a byte stream of concatenated JPEGs (ffmpeg's mjpeg output) into whole pictures, from SOI
/// (<c>FF D8</c>) to EOI (<c>FF D9</c>). Marker segments are skipped by their length, so table bytes that
/// happen to read FF D9 do not end a picture early; in the entropy-coded data every FF byte is stuffed
/// (<c>FF 00</c>) or a restart marker, so the first other marker there is the end. Bytes before an SOI are
/// skipped. Pictures are handed out as new arrays (they are shared read-only by every client).
/// </summary>
internal sealed class JpegSplitter(Action<byte[]> picture, int maxPictureBytes = 16 * 1024 * 1024)
{
    private static readonly byte[] StartOfImage = [0xFF, 0xD8];
    private byte[] _buffer = new byte[256 * 1024];
    private int _length;
    private int _scanned;
    private State _state = State.SeekingStart;

    private enum State
    {
        SeekingStart,
        Segments,
        EntropyData,
    }

    /// <summary>Number of bytes dropped because they were not inside a picture (or a picture was too large).</summary>
    public long DiscardedBytes { get; private set; }

    public void Push(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        while (Step())
        {
        }

        if (_length > maxPictureBytes)
        {
            DiscardedBytes += _length;
            Reset();
        }
    }

    /// <summary>Forgets a partial picture (the encoder restarted).</summary>
    public void Reset()
    {
        _length = 0;
        _scanned = 0;
        _state = State.SeekingStart;
    }

    private bool Step() => _state switch
    {
        State.SeekingStart => SeekStart(),
        State.Segments => ReadSegment(),
        _ => ScanEntropyData(),
    };

    private bool SeekStart()
    {
        var data = _buffer.AsSpan(0, _length);
        var start = data.IndexOf(StartOfImage);
        if (start < 0)
        {
            var keep = _length > 0 && data[^1] == 0xFF ? 1 : 0;
            Consume(_length - keep, discarded: true);
            return false;
        }

        Consume(start, discarded: true);
        _scanned = 2;
        _state = State.Segments;
        return true;
    }

    private bool ReadSegment()
    {
        if (_scanned + 2 > _length)
        {
            return false;
        }

        if (_buffer[_scanned] != 0xFF)
        {
            Restart();
            return true;
        }

        var marker = _buffer[_scanned + 1];
        if (marker == 0xFF)
        {
            _scanned++; // fill byte
            return true;
        }

        if (marker == 0xD9)
        {
            Emit(_scanned + 2);
            return true;
        }

        if (_scanned + 4 > _length)
        {
            return false;
        }

        var length = _buffer[_scanned + 2] << 8 | _buffer[_scanned + 3];
        if (length < 2)
        {
            Restart();
            return true;
        }

        if (_scanned + 2 + length > _length)
        {
            return false;
        }

        _scanned += 2 + length;
        if (marker == 0xDA)
        {
            _state = State.EntropyData;
        }

        return true;
    }

    private bool ScanEntropyData()
    {
        while (_scanned + 1 < _length)
        {
            var next = _buffer.AsSpan(_scanned, _length - _scanned - 1).IndexOf((byte)0xFF);
            if (next < 0)
            {
                _scanned = _length - 1;
                return false;
            }

            _scanned += next;
            var marker = _buffer[_scanned + 1];
            if (marker == 0x00 || marker is >= 0xD0 and <= 0xD7)
            {
                _scanned += 2; // stuffed byte or restart marker: still entropy-coded data
                continue;
            }

            if (marker == 0xFF)
            {
                _scanned++;
                continue;
            }

            if (marker == 0xD9)
            {
                Emit(_scanned + 2);
                return true;
            }

            _state = State.Segments; // another scan's tables (progressive JPEGs)
            return true;
        }

        return false;
    }

    private void Emit(int end)
    {
        picture(_buffer.AsSpan(0, end).ToArray());
        Consume(end, discarded: false);
        _state = State.SeekingStart;
    }

    private void Restart()
    {
        // Not a JPEG after all: look for the next SOI after this one.
        Consume(2, discarded: true);
        _state = State.SeekingStart;
    }

    private void Consume(int count, bool discarded)
    {
        if (discarded)
        {
            DiscardedBytes += count;
        }

        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
        _scanned = 0;
    }
}
