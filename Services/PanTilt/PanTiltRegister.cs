namespace PiStream.Services.PanTilt;

/// <summary>Registers of the Pimoroni Pan-Tilt HAT's microcontroller (I2C address 0x15).</summary>
internal enum PanTiltRegister : byte
{
    /// <summary>Config byte: bit0 servo 1 enable, bit1 servo 2 enable, bit2 lights enable, bit3 light mode, bit4 light on.</summary>
    Config = 0x00,

    /// <summary>Servo 1 (pan) pulse width in microseconds, 16-bit little-endian.</summary>
    Servo1 = 0x01,

    /// <summary>Servo 2 (tilt) pulse width in microseconds, 16-bit little-endian.</summary>
    Servo2 = 0x03,

    /// <summary>Start of the light pixel buffer (not driven by pistream).</summary>
    Lights = 0x05,

    /// <summary>Writing 1 here shows the light buffer (not driven by pistream).</summary>
    LightUpdate = 0x4E,
}
