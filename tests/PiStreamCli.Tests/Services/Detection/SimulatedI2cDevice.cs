using System.Device.I2c;

namespace PiStream.Tests.Services.Detection;

/// <summary>An I2C device with a register file (a HAT that answers) or one that NACKs every transfer (nothing there).</summary>
internal sealed class SimulatedI2cDevice(I2cConnectionSettings settings, byte[]? registers) : I2cDevice
{
    public override I2cConnectionSettings ConnectionSettings => settings;

    public bool Disposed { get; private set; }

    public override byte ReadByte() => throw new NotSupportedException("the scanner reads registers with WriteRead");

    public override void Read(Span<byte> buffer) => throw new NotSupportedException("the scanner reads registers with WriteRead");

    public override void WriteByte(byte value) => throw new NotSupportedException("the scanner only reads");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException("the scanner only reads");

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (registers is null)
        {
            throw new IOException("Error 121 performing I2C data transfer.");
        }

        registers.AsSpan(writeBuffer[0], readBuffer.Length).CopyTo(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
