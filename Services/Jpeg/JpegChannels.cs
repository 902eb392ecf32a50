using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Capture;

namespace PiStream.Services.Jpeg;

/// <summary>
/// The JPEG channels by picture width, created on first use: at most <see cref="JpegOptions.MaxSizes"/> sizes at once
/// (an idle channel makes room for a new size; when all are busy the caller answers 503). As a hosted service it
/// stops every encoder when serve stops.
/// </summary>
internal sealed class JpegChannels(IOptions<JpegOptions> jpegOptions, RawFrameHub hub, JpegMetrics metrics, ILoggerFactory loggers) : IHostedService
{
    private readonly JpegOptions _options = jpegOptions.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, JpegChannel> _channels = [];
    private readonly ILogger _logger = loggers.CreateLogger<JpegChannel>();

    public IReadOnlyList<JpegChannel> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _channels.Values];
            }
        }
    }

    /// <summary>The channel for <paramref name="width"/> (null: full size), or null when <see cref="JpegOptions.MaxSizes"/> other sizes are in use.</summary>
    public JpegChannel? Get(int? width)
    {
        var settings = JpegEncoderSettings.For(_options.Format, width, _options.HorizontalFlip, _options.VerticalFlip);
        lock (_lock)
        {
            if (_channels.TryGetValue(settings.Width, out var channel))
            {
                return channel;
            }

            if (_channels.Count >= _options.MaxSizes)
            {
                var idle = _channels.Values.FirstOrDefault(other => !other.IsRunning && other.Clients.Count == 0);
                if (idle is null)
                {
                    return null;
                }

                _channels.Remove(idle.Settings.Width);
            }

            channel = new JpegChannel(settings, _options.FfmpegPath, hub, metrics, _logger);
            _channels[settings.Width] = channel;
            return channel;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in All)
        {
            await channel.DisposeAsync();
        }
    }
}
