using PiStream.Services.PanTilt;

namespace PiStream.Tests.Services.PanTilt;

/// <summary>The simulated HAT, recording every I2C transaction as hex ("W 01 AA 05", "R 01 -> 2") and failing on request.</summary>
internal sealed class RecordingPanTiltDevice : SimulatedPanTiltDevice
{
    private readonly List<string> _transactions = [];
    private int _failuresLeft;

    /// <summary>Every transaction that reached the register file, oldest first.</summary>
    public IReadOnlyList<string> Transactions
    {
        get
        {
            lock (_transactions)
            {
                return _transactions.ToArray();
            }
        }
    }

    /// <summary>Transactions attempted, failed ones included.</summary>
    public int Attempts { get; private set; }

    /// <summary>The next <paramref name="count"/> transactions throw an <see cref="IOException"/> (as a NACK does).</summary>
    public void FailNext(int count) => _failuresLeft = count;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Attempt();
        base.Write(buffer);
        Record("W " + Hex(buffer));
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Attempt();
        base.Write(writeBuffer);
        base.Read(readBuffer);
        Record($"R {Hex(writeBuffer)} -> {readBuffer.Length}");
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2")));

    private void Attempt()
    {
        Attempts++;
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new IOException("Error 121 performing I2C data transfer.");
        }
    }

    private void Record(string transaction)
    {
        lock (_transactions)
        {
            _transactions.Add(transaction);
        }
    }
}
