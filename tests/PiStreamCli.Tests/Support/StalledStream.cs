namespace PiStream.Tests.Support;

/// <summary>
/// The network side of a test WebSocket: reads wait forever (the client says nothing), and writes
/// succeed <paramref name="acceptedWrites"/> times, then never complete again (the client stopped reading) unless
/// <see cref="Resume"/> is called (it starts reading again). With <paramref name="keepWritten"/> everything written is
/// kept in <see cref="Written"/> (off by default: allocation tests use this stream). Disposing it ends pending reads and
/// writes with an <see cref="IOException"/>, as aborting a real connection does (Kestrel's, under an aborted WebSocket).
/// </summary>
internal sealed class StalledStream(int acceptedWrites = 1, bool keepWritten = false) : Stream
{
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream _written = new();
    private int _writes;

    public long BytesWritten { get; private set; }

    public byte[] Written
    {
        get
        {
            lock (_written)
            {
                return _written.ToArray();
            }
        }
    }

    public void Resume() => _resumed.TrySetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _writes) > acceptedWrites)
        {
            await Task.WhenAny(_resumed.Task, _aborted.Task).WaitAsync(cancellationToken);
            ThrowIfAborted();
        }

        BytesWritten += buffer.Length;
        if (keepWritten)
        {
            lock (_written)
            {
                _written.Write(buffer.Span);
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _aborted.Task.WaitAsync(cancellationToken);
        ThrowIfAborted();
        return 0;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    /// <summary>Nothing is buffered here, so a flush completes at once (as a socket's does); the base class would queue it to the thread pool.</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _aborted.TrySetResult();
        base.Dispose(disposing);
    }

    private void ThrowIfAborted()
    {
        if (_aborted.Task.IsCompleted)
        {
            throw new IOException("The connection was aborted.");
        }
    }
}
