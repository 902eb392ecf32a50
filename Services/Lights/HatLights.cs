using PiStream.Services.PanTilt;

namespace PiStream.Services.Lights;

/// <summary>
/// The pixels on the HAT's light connector: a pixel buffer kept here in the strip's byte order
/// (<see cref="LightPixels"/>), changed by <see cref="Apply"/> and sent by <see cref="Show"/> through
/// <see cref="PanTiltHat.ShowLights"/>. Thread-safe. Does not own the HAT.
/// </summary>
internal sealed class HatLights
{
    private readonly PanTiltHat _hat;
    private readonly byte[] _buffer = new byte[PanTiltHat.LightBufferLength];
    private readonly Lock _lock = new();

    public HatLights(PanTiltHat hat, LightsSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Count, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Count, LightPixels.Capacity(settings.Type), nameof(settings));
        _hat = hat;
        Settings = settings;
    }

    public LightsSettings Settings { get; }

    /// <summary>Each pixel's levels, pixel 0 first (<see cref="LightsSettings.Count"/> entries).</summary>
    public LightColor[] Colors
    {
        get
        {
            lock (_lock)
            {
                var colors = new LightColor[Settings.Count];
                for (var i = 0; i < colors.Length; i++)
                {
                    colors[i] = LightPixels.Read(_buffer, Settings.Type, i);
                }

                return colors;
            }
        }
    }

    /// <summary>Reads the pixel buffer back from the HAT, so a change of one pixel keeps what the others show.</summary>
    public void Load()
    {
        Span<byte> pixels = stackalloc byte[PanTiltHat.LightBufferLength];
        _hat.ReadLights(pixels);
        lock (_lock)
        {
            pixels.CopyTo(_buffer);
        }
    }

    /// <summary>Changes the buffer (not the pixels yet); throws <see cref="ArgumentOutOfRangeException"/> for a bad index, before changing anything.</summary>
    public void Apply(IReadOnlyList<LightChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Index != LightChange.All && (change.Index < 0 || change.Index >= Settings.Count))
            {
                throw new ArgumentOutOfRangeException(nameof(changes), change.Index, $"Pixel {change.Index} does not exist: use 0 to {Settings.Count - 1}, or -1 for all.");
            }
        }

        lock (_lock)
        {
            foreach (var change in changes)
            {
                var (first, last) = change.Index == LightChange.All ? (0, Settings.Count - 1) : (change.Index, change.Index);
                for (var i = first; i <= last; i++)
                {
                    LightPixels.Write(_buffer, Settings.Type, i, change.Color);
                }
            }
        }
    }

    /// <summary>Sends the buffer to the pixels (may throw <see cref="PanTiltUnavailableException"/>).</summary>
    public void Show()
    {
        Span<byte> pixels = stackalloc byte[PanTiltHat.LightBufferLength];
        lock (_lock)
        {
            _buffer.CopyTo(pixels);
        }

        _hat.ShowLights(pixels);
    }
}
