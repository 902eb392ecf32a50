using PiStream.Services.Encoding;
using PiStream.Services.Processes;
using PiStream.Services.Recording;

namespace PiStream.Services.H264;

/// <summary>
/// Finds out what <see cref="LiveEncoderChooser"/> needs: ffmpeg's encoder list, a trial encode with the
/// hardware encoder (only when ffmpeg lists it; cached per ffmpeg by <see cref="EncoderChooser"/>), and
/// rpicam-vid on PATH. <paramref name="searchPath"/> replaces PATH (tests with fake tools).
/// </summary>
internal static class EncoderAvailabilityReader
{
    public static async Task<EncoderAvailability> ReadAsync(string ffmpegPath, string? searchPath, CancellationToken cancellationToken)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { LiveEncoders.LibX264, LiveEncoders.V4l2M2m, LiveEncoders.Mpeg1 })
        {
            if (await EncoderChooser.HasEncoderAsync(ffmpegPath, name, cancellationToken))
            {
                listed.Add(name);
            }
        }

        var hardwareOpens = listed.Contains(LiveEncoders.V4l2M2m)
            && await EncoderChooser.ChooseH264Async(ffmpegPath, cancellationToken) == H264Encoders.Hardware;
        var rpicam = ExecutableFinder.FindFirstOn(searchPath, "rpicam-vid", "libcamera-vid") is not null;
        return new EncoderAvailability(listed, hardwareOpens, rpicam);
    }
}
