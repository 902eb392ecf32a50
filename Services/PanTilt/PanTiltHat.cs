using System.Buffers.Binary;
using System.Device.I2c;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PiStream.Services.PanTilt;

/// <summary>
/// Driver for the Pimoroni Pan-Tilt HAT: servo 1 pans, servo 2 tilts. A move sets the servo's enable bit
/// in the config register (when it is not set yet), then writes the pulse width as a little-endian word;
/// <see cref="PanTiltHatOptions.IdleTimeout"/> after a servo's last move its enable bit is cleared again.
/// Every transfer is retried on I/O errors. Angles are in pistream's convention: an inverted axis is negated
/// here, so callers never see the servo's own direction. Lights: <see cref="ShowLights"/> switches the config to
/// WS2812 mode and writes the 72-byte pixel buffer in three blocks, then 1 to the update register; the light bits
/// survive every servo config write. Thread-safe. Disposing disables both servos (the lights stay as they are).
/// </summary>
internal sealed class PanTiltHat : IDisposable
{
    /// <summary>Bytes in the HAT's light pixel buffer: 24 RGB or 18 RGBW pixels.</summary>
    public const int LightBufferLength = 72;

    private const byte PanEnable = 0b01;
    private const byte TiltEnable = 0b10;

    /// <summary>Config bits 2 and 3: lights enabled, WS2812 mode (what Pimoroni's library and pistreaming set).</summary>
    private const byte LightBits = 0b0_1100;

    /// <summary>Config bits 2..4 (lights enable, light mode, light on): kept when the servos are switched off.</summary>
    private const byte LightMask = 0b1_1100;
    private readonly PanTiltBus _bus;
    private readonly PanTiltHatOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _panIdle;
    private readonly ITimer _tiltIdle;
    private readonly Lock _lock = new();
    private long _panMovedAt;
    private long _tiltMovedAt;
    private byte _config;
    private bool _disposed;

    public PanTiltHat(I2cDevice device, PanTiltHatOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _options = options ?? PanTiltHatOptions.Default;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _bus = new PanTiltBus(device, _options, _logger);
        _panIdle = _time.CreateTimer(_ => OnIdle(PanEnable), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _tiltIdle = _time.CreateTimer(_ => OnIdle(TiltEnable), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public PanTiltHatOptions Options => _options;

    /// <summary>The enable bits last written to the config register.</summary>
    public byte Config
    {
        get
        {
            lock (_lock)
            {
                return _config;
            }
        }
    }

    public void Pan(double angle) => Move(new Orientation(angle, null));

    public void Tilt(double angle) => Move(new Orientation(null, angle));

    /// <summary>Moves the axes <paramref name="move"/> gives; both are checked before anything is written.</summary>
    public void Move(Orientation move)
    {
        if (move.Pan is { } pan)
        {
            PanTiltAngle.Validate("pan", pan);
        }

        if (move.Tilt is { } tilt)
        {
            PanTiltAngle.Validate("tilt", tilt);
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var config = (byte)(_config | (move.Pan is null ? 0 : PanEnable) | (move.Tilt is null ? 0 : TiltEnable));
            if (config != _config)
            {
                WriteConfig(config);
            }

            if (move.Pan is { } panAngle)
            {
                WriteWord(PanTiltRegister.Servo1, Pulse(panAngle, _options.InvertPan));
                _panMovedAt = _time.GetTimestamp();
                Arm(_panIdle);
            }

            if (move.Tilt is { } tiltAngle)
            {
                WriteWord(PanTiltRegister.Servo2, Pulse(tiltAngle, _options.InvertTilt));
                _tiltMovedAt = _time.GetTimestamp();
                Arm(_tiltIdle);
            }
        }
    }

    /// <summary>Reads both pulse widths back and converts them to whole degrees; null for a servo never set since power-up.</summary>
    public Orientation Read()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return new Orientation(
                Angle(_bus.ReadWord(PanTiltRegister.Servo1), _options.InvertPan),
                Angle(_bus.ReadWord(PanTiltRegister.Servo2), _options.InvertTilt));
        }
    }

    /// <summary>
    /// Reads the config byte and keeps its light bits, so a later servo move does not switch off lights that another
    /// program (or <c>pistream light</c>) turned on.
    /// </summary>
    public void AdoptLightConfig()
    {
        Span<byte> config = stackalloc byte[1];
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _bus.Read(PanTiltRegister.Config, config);
            _config = (byte)((_config & ~LightMask) | (config[0] & LightMask));
        }
    }

    /// <summary>Reads the 72-byte light pixel buffer back, in the same three blocks it is written in.</summary>
    public void ReadLights(Span<byte> pixels)
    {
        CheckLightBuffer(pixels.Length);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _bus.Read(PanTiltRegister.Lights, pixels[..32]);
            _bus.Read(PanTiltRegister.LightsBlock2, pixels[32..64]);
            _bus.Read(PanTiltRegister.LightsBlock3, pixels[64..]);
        }
    }

    /// <summary>
    /// Shows <paramref name="pixels"/> (72 bytes, already in the strip's byte order): sets WS2812 mode and lights on
    /// in the config when not set yet, writes 32 bytes at 0x05, 32 at 0x25, 8 at 0x45, then 1 to 0x4E.
    /// </summary>
    public void ShowLights(ReadOnlySpan<byte> pixels)
    {
        CheckLightBuffer(pixels.Length);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var config = (byte)(_config | LightBits);
            if (config != _config)
            {
                WriteConfig(config);
            }

            WriteBlock(PanTiltRegister.Lights, pixels[..32]);
            WriteBlock(PanTiltRegister.LightsBlock2, pixels[32..64]);
            WriteBlock(PanTiltRegister.LightsBlock3, pixels[64..]);
            WriteBlock(PanTiltRegister.LightUpdate, [1]);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _panIdle.Dispose();
            _tiltIdle.Dispose();
            try
            {
                if ((_config & ~LightMask) != 0)
                {
                    WriteConfig((byte)(_config & LightMask));
                }
            }
            catch (PanTiltUnavailableException e)
            {
                _logger.LogWarning("Could not disable the servos on shutdown: {Reason}", e.Message);
            }

            _disposed = true;
            _bus.Dispose();
        }
    }

    private int Pulse(double angle, bool invert) =>
        PanTiltAngle.ToPulse(invert ? -angle : angle, _options.MinPulseMicroseconds, _options.MaxPulseMicroseconds);

    private double? Angle(int pulse, bool invert) =>
        PanTiltAngle.FromPulse(pulse, _options.MinPulseMicroseconds, _options.MaxPulseMicroseconds) is { } angle
            ? (double)(invert ? -angle : angle)
            : null;

    private void Arm(ITimer timer)
    {
        if (_options.IdleTimeout > TimeSpan.Zero)
        {
            timer.Change(_options.IdleTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnIdle(byte servo)
    {
        lock (_lock)
        {
            var movedAt = servo == PanEnable ? _panMovedAt : _tiltMovedAt;
            if (_disposed || (_config & servo) == 0)
            {
                return; // Disposed, or already off.
            }

            var left = _options.IdleTimeout - _time.GetElapsedTime(movedAt);
            if (left > TimeSpan.Zero)
            {
                // Moved again since this timer was armed, or the timer fired a tick early: wait out the rest.
                (servo == PanEnable ? _panIdle : _tiltIdle).Change(left, Timeout.InfiniteTimeSpan);
                return;
            }

            try
            {
                WriteConfig((byte)(_config & ~servo));
            }
            catch (PanTiltUnavailableException e)
            {
                _logger.LogWarning("Could not disable an idle servo: {Reason}", e.Message);
            }
        }
    }

    private void WriteConfig(byte config)
    {
        Span<byte> bytes = stackalloc byte[2];
        bytes[0] = (byte)PanTiltRegister.Config;
        bytes[1] = config;
        _bus.Write(bytes);
        _config = config;
    }

    private void WriteBlock(PanTiltRegister register, ReadOnlySpan<byte> data)
    {
        Span<byte> bytes = stackalloc byte[1 + data.Length];
        bytes[0] = (byte)register;
        data.CopyTo(bytes[1..]);
        _bus.Write(bytes);
    }

    private static void CheckLightBuffer(int length)
    {
        if (length != LightBufferLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The light buffer is {LightBufferLength} bytes.");
        }
    }

    private void WriteWord(PanTiltRegister register, int value)
    {
        Span<byte> bytes = stackalloc byte[3];
        bytes[0] = (byte)register;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[1..], checked((ushort)value));
        _bus.Write(bytes);
    }
}
