using System.Buffers.Binary;
using System.Device.I2c;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.PanTilt;

/// <summary>
/// The HAT's I2C transfers with the reference library's retries: each transfer is tried up to
/// <see cref="PanTiltHatOptions.Attempts"/> times, <see cref="PanTiltHatOptions.RetryDelay"/> apart, before an
/// I/O error becomes a <see cref="PanTiltUnavailableException"/> that says what to check.
/// </summary>
internal sealed class PanTiltBus(I2cDevice device, PanTiltHatOptions options, ILogger logger) : IDisposable
{
    /// <summary>Writes <paramref name="bytes"/> (register first) in one I2C transaction.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                device.Write(bytes);
                return;
            }
            catch (IOException e) when (attempt < options.Attempts)
            {
                logger.LogDebug("I2C write to register {Register} failed ({Reason}), retrying", bytes[0], e.Message);
                Thread.Sleep(options.RetryDelay);
            }
            catch (IOException e)
            {
                throw NotAnswering(e);
            }
        }
    }

    /// <summary>SMBus "read word": writes the register number, then reads two bytes, low byte first.</summary>
    public int ReadWord(PanTiltRegister register)
    {
        Span<byte> word = stackalloc byte[2];
        Read(register, word);
        return BinaryPrimitives.ReadUInt16LittleEndian(word);
    }

    /// <summary>Writes the register number, then reads <paramref name="bytes"/>.Length consecutive registers from it.</summary>
    public void Read(PanTiltRegister register, Span<byte> bytes)
    {
        ReadOnlySpan<byte> address = [(byte)register];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                device.WriteRead(address, bytes);
                return;
            }
            catch (IOException e) when (attempt < options.Attempts)
            {
                logger.LogDebug("I2C read of register {Register} failed ({Reason}), retrying", (byte)register, e.Message);
                Thread.Sleep(options.RetryDelay);
            }
            catch (IOException e)
            {
                throw NotAnswering(e);
            }
        }
    }

    public void Dispose() => device.Dispose();

    private PanTiltUnavailableException NotAnswering(IOException e) => new(
        $"The Pan-Tilt HAT at {options.Describe()} did not answer ({options.Attempts} attempts; last error: {e.Message}). " +
        $"Check that the HAT is seated on the GPIO header and that 'i2cdetect -y {options.BusId}' shows {options.Address:x2}.",
        e);
}
