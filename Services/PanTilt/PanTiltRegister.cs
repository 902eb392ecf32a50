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

    /// <summary>Start of the 72-byte light pixel buffer; written in blocks of 32, 32 and 8 bytes at 0x05, 0x25, 0x45.</summary>
    Lights = 0x05,

    /// <summary>Second block of the light pixel buffer (bytes 32..63).</summary>
    LightsBlock2 = 0x25,

    /// <summary>Third block of the light pixel buffer (bytes 64..71).</summary>
    LightsBlock3 = 0x45,

    /// <summary>Writing 1 here shows the light buffer on the pixels.</summary>
    LightUpdate = 0x4E,
}
