using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Services.PanTilt;
using PiStream.Services.Pipeline;
using PiStream.Services.Recording;
using PiStream.Services.Security;
using PiStream.Services.Web;

namespace PiStream.Services.Hosting;

/// <summary>
/// A running <c>serve</c>: the capture source, the encoder pipeline, the broadcaster and the web server,
/// put together from <see cref="ServeSettings"/>. Tests start one on port 0 exactly as the command does.
/// </summary>
internal sealed class StreamHost : IAsyncDisposable
{
    private readonly WebServer _server;
    private readonly CancellationTokenSource _stop;
    private readonly Task _pipelineTask;
    private readonly ILogger _logger;

    private StreamHost(WebServer server, StreamPipeline pipeline, Broadcaster broadcaster, string sourceDescription, CancellationTokenSource stop, Task pipelineTask, ILogger logger, PanTiltController? panTilt)
    {
        _server = server;
        PanTilt = panTilt;
        Pipeline = pipeline;
        Broadcaster = broadcaster;
        SourceDescription = sourceDescription;
        _stop = stop;
        _pipelineTask = pipelineTask;
        _logger = logger;
    }

    public int HttpPort => _server.HttpPort;

    public int WebSocketPort => _server.WebSocketPort;

    public StreamPipeline Pipeline { get; }

    public Broadcaster Broadcaster { get; }

    public string SourceDescription { get; }

    /// <summary>The pan-tilt controller, or null when serve has no pan-tilt device.</summary>
    public PanTiltController? PanTilt { get; }

    /// <summary>
    /// Checks what serve needs (ffmpeg, the source), starts listening, then starts the pipeline.
    /// Throws <see cref="FfmpegNotFoundException"/>, <see cref="CaptureUnavailableException"/> or
    /// <see cref="PortInUseException"/>, each with the fix in its message, before anything runs.
    /// </summary>
    public static async Task<StreamHost> StartAsync(ServeSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken, RestartPolicy? policy = null, CameraDetector? detector = null)
    {
        var logger = loggerFactory.CreateLogger<StreamHost>();
        var ffmpeg = FfmpegLocator.Require();
        var spec = await AutoSourceChoice.ResolveAsync(settings.Source, detector ?? CameraDetector.Default, reason => logger.LogWarning("{Reason}", reason), cancellationToken);

        var capture = new CaptureSourceFactory(ffmpeg, loggerFactory, TimeProvider.System)
            .Create(new CaptureSettings(spec, settings.Format, settings.HorizontalFlip, settings.VerticalFlip));
        logger.LogInformation("Initializing camera: {Source} at {Format}", capture.Source.Description, settings.Format);

        var stats = new StreamStats();
        var pool = new FramePool();
        var broadcaster = new Broadcaster(stats) { FrameTimes = settings.BenchTimestamps ? new FrameTimes(pool, TimeProvider.System) : null };
        var source = settings.DebugDelay > TimeSpan.Zero ? new DelayedCaptureSource(capture.Source, settings.DebugDelay) : capture.Source;
        var encoderSettings = new EncoderSettings(
            settings.Format,
            settings.BitrateBitsPerSecond,
            settings.KeyframeInterval,
            settings.HorizontalFlip && !capture.FlipsApplied,
            settings.VerticalFlip && !capture.FlipsApplied);
        var liveChoice = LiveEncoderChooser.Choose(settings.Codec, settings.Encoder, spec.Kind, await EncoderAvailabilityReader.ReadAsync(ffmpeg, null, cancellationToken));
        logger.LogInformation("Live codec {Codec} with {Encoder}: {Reason}", liveChoice.CodecName, liveChoice.Encoder, liveChoice.Reason);
        var plan = H264Plans.For(liveChoice, ffmpeg, encoderSettings, spec.Kind == SourceKind.Libcamera ? spec.Argument : null);
        var recorder = settings.Recording is { } recording
            ? await SegmentRecorderFactory.CreateAsync(ffmpeg, recording, settings, !capture.FlipsApplied, loggerFactory, cancellationToken)
            : null;
        var pipeline = new StreamPipeline(source, plan, broadcaster, pool, policy ?? RestartPolicy.Default, loggerFactory.CreateLogger<StreamPipeline>(), recorder is null ? null : recorder.Offer);

        var panTilt = PanTiltStarter.Start(settings.PanTilt, loggerFactory, TimeProvider.System);
        var viewerOptions = ViewerOptions.For(settings.Format.Framerate, settings.KeyframeInterval);
        var routes = new StreamRoutes(
            WebAssets.Load(),
            broadcaster,
            liveChoice.Codec == VideoCodec.H264
                ? StreamHeader.CreateH264(settings.Format.Width, settings.Format.Height, settings.Format.Framerate)
                : StreamHeader.Create(settings.Format.Width, settings.Format.Height),
            viewerOptions,
            () => new StatusReport(
                capture.Source.Description,
                settings.Format.Width,
                settings.Format.Height,
                settings.Format.Framerate,
                Math.Round(stats.FramesPerSecond, 1),
                Math.Round(stats.BitsPerSecond / 1000, 1),
                broadcaster.ViewerCount,
                Math.Round(stats.Uptime.TotalSeconds, 1),
                stats.EncoderRestarts,
                panTilt?.Status(),
                settings.Access.ReadOnly)
            {
                Codec = liveChoice.CodecName,
                Encoder = liveChoice.Encoder,
            },
            loggerFactory.CreateLogger<StreamRoutes>());

        if (panTilt is not null)
        {
            var endpoints = new PanTiltEndpoints(panTilt);
            routes.Orient = endpoints.OrientAsync;
            routes.ReadOrientation = endpoints.GetAsync;
            panTilt.Moved += new OrientationEvents(broadcaster, pool).Publish;
        }

        logger.LogInformation("Initializing HTTP server on port {Port} and WebSocket server on port {WebSocketPort}", settings.Port, settings.WebSocketPort);
        var serverOptions = new WebServerOptions(settings.Bind, settings.Port, settings.WebSocketPort)
        {
            Access = settings.Access,
            RequestHeadersTimeout = settings.RequestHeadersTimeout,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        };
        WebServer server;
        try
        {
            server = await WebServer.StartAsync(serverOptions, routes, loggerFactory, cancellationToken);
        }
        catch when (panTilt is not null)
        {
            await panTilt.DisposeAsync();
            throw;
        }

        AccessWarnings.Log(settings.Access, canMove: panTilt is not null, logger);

        logger.LogInformation("Starting broadcast");
        var stop = new CancellationTokenSource();
        var pipelineTask = recorder is null ? pipeline.RunAsync(stop.Token) : Task.WhenAll(pipeline.RunAsync(stop.Token), recorder.RunAsync(stop.Token));
        return new StreamHost(server, pipeline, broadcaster, capture.Source.Description, stop, pipelineTask, logger, panTilt);
    }

    /// <summary>Closes the viewers, stops listening, stops the capture and ffmpeg processes (within about 2 s) and disables the servos.</summary>
    public async ValueTask DisposeAsync()
    {
        _logger.LogInformation("Shutting down");
        await _stop.CancelAsync();
        var server = _server.DisposeAsync().AsTask();
        await Task.WhenAll(server, _pipelineTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (PanTilt is not null)
        {
            await PanTilt.DisposeAsync();
        }

        _stop.Dispose();
    }
}
