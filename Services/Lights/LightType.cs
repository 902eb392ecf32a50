namespace PiStream.Services.Lights;

/// <summary>The pixel strip on the HAT's light connector, named by its byte order per pixel (Pimoroni's names).</summary>
internal enum LightType
{
    /// <summary>SK6812 RGBW pixels sending green, red, blue, white (pistreaming's and the default).</summary>
    Grbw,

    /// <summary>SK6812 RGBW pixels sending red, green, blue, white.</summary>
    Rgbw,

    /// <summary>WS2812 pixels sending red, green, blue (no white).</summary>
    Rgb,

    /// <summary>WS2812 pixels sending green, red, blue (no white).</summary>
    Grb,
}
