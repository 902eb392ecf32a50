using System.Buffers.Binary;
using System.Device.I2c;

namespace PiStream.Services.PanTilt;

/// <summary>
/// An in-memory Pan-Tilt HAT for <c>serve --pantilt sim</c> and for tests: a register file behind the same
/// I2C transactions the real HAT answers. A write's first byte selects the register and the following bytes
/// fill consecutive registers; a read returns consecutive registers from the selected one. It starts with
/// both servos centred (1450 us) and disabled, and records what the lights show: the pixel buffer as of the last
/// write of 1 to the update register (0x4E).
/// </summary>
internal class SimulatedPanTiltDevice : I2cDevice
{
    /// <summary>Registers 0x00..0x4E (config, two servo words, the light buffer, the light update flag).</summary>
    public const int RegisterCount = 0x4F;

    private readonly byte[] _registers = new byte[RegisterCount];
    private readonly Lock _lock = new();
    private readonly byte[] _shownLights = new byte[PanTiltHat.LightBufferLength];
    private int _pointer;
    private int _lightUpdates;

    public SimulatedPanTiltDevice(int busId = PanTiltHatOptions.DefaultBusId, int address = PanTiltHatOptions.DefaultAddress)
    {
        ConnectionSettings = new I2cConnectionSettings(busId, address);
        BinaryPrimitives.WriteUInt16LittleEndian(_registers.AsSpan((int)PanTiltRegister.Servo1), 1450);
        BinaryPrimitives.WriteUInt16LittleEndian(_registers.AsSpan((int)PanTiltRegister.Servo2), 1450);
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>The config register (servo enable bits).</summary>
    public byte Config => Register(PanTiltRegister.Config);

    /// <summary>The 72 pixel bytes the lights show: the buffer as it was when 1 was last written to 0x4E.</summary>
    public byte[] ShownLights
    {
        get
        {
            lock (_lock)
            {
                return _shownLights.ToArray();
            }
        }
    }

    /// <summary>How often the lights were updated (1 written to 0x4E).</summary>
    public int LightUpdates
    {
        get
        {
            lock (_lock)
            {
                return _lightUpdates;
            }
        }
    }

    public byte Register(PanTiltRegister register)
    {
        lock (_lock)
        {
            return _registers[(int)register];
        }
    }

    public int Word(PanTiltRegister register)
    {
        lock (_lock)
        {
            return BinaryPrimitives.ReadUInt16LittleEndian(_registers.AsSpan((int)register));
        }
    }

    public override byte ReadByte()
    {
        Span<byte> value = stackalloc byte[1];
        Read(value);
        return value[0];
    }

    public override void Read(Span<byte> buffer)
    {
        lock (_lock)
        {
            ThrowIfGone();
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _registers[(_pointer + i) % RegisterCount];
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            ThrowIfGone();
            if (buffer.IsEmpty)
            {
                return;
            }

            if (buffer[0] >= RegisterCount)
            {
                throw new IOException($"Simulated HAT: no register 0x{buffer[0]:X2}.");
            }

            _pointer = buffer[0];
            for (var i = 1; i < buffer.Length; i++)
            {
                _registers[(_pointer + i - 1) % RegisterCount] = buffer[i];
            }

            if (_pointer == (int)PanTiltRegister.LightUpdate && buffer.Length > 1 && buffer[1] == 1)
            {
                _registers.AsSpan((int)PanTiltRegister.Lights, _shownLights.Length).CopyTo(_shownLights);
                _lightUpdates++;
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }

    private void ThrowIfGone() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
