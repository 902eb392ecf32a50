using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiStream.Services.Aiming;
using PiStream.Services.Broadcast;
using PiStream.Services.CameraControls;
using PiStream.Services.Capture;
using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Services.Health;
using PiStream.Services.Jpeg;
using PiStream.Services.Metrics;
using PiStream.Services.Muxing;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Services.Pistreaming;
using PiStream.Services.Pipeline;
using PiStream.Services.Presets;
using PiStream.Services.Publish;
using PiStream.Services.Recording;
using PiStream.Services.Security;
using PiStream.Services.Systemd;
using PiStream.Services.Web;

namespace PiStream.Services.Hosting;

/// <summary>
/// The composition root of <c>serve</c>: the one place where the features are registered (one <c>AddXxx</c> each),
/// the request pipeline is put together, and their endpoints are mapped (one <c>MapXxx</c> each). Hosted services
/// start in the order they are added here (and stop in reverse), then the server starts listening. See docs/architecture.md.
/// </summary>
internal static class ServeApplication
{
    /// <summary>
    /// Checks what serve needs before anything runs (ffmpeg, the capture source: throwing
    /// <see cref="FfmpegNotFoundException"/> or <see cref="Capture.CaptureUnavailableException"/> with the fix) and builds the application.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(ServeSettings settings, ILoggerFactory loggerFactory, RestartPolicy policy, CameraDetector? detector, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<StreamHost>();
        var ffmpeg = FfmpegLocator.Require();
        var (capture, sensor, source) = await ServeCapture.CreateAsync(settings, ffmpeg, detector, loggerFactory, logger, cancellationToken);
        var format = settings.Format;
        var encoderFlips = (Horizontal: settings.HorizontalFlip && !capture.AppliesFlips, Vertical: settings.VerticalFlip && !capture.AppliesFlips);

        // The empty builder reads no appsettings.json, environment variables or command line (serve's options are its
        // whole configuration) and watches no files: Kestrel, routing and logging are added by hand, nothing else loads.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        var services = builder.Services;
        services.AddRoutingCore();
        services.AddLogging();
        services.AddSingleton(loggerFactory);
        services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1.5));

        services.AddBroadcast(format.Width, format.Height, ViewerOptions.For(format.Framerate, settings.KeyframeInterval), settings.BenchTimestamps);
        var encoder = new EncoderSettings(format, settings.BitrateBitsPerSecond, settings.KeyframeInterval, encoderFlips.Horizontal, encoderFlips.Vertical);
        var live = await LiveEncoderChoices.ChooseAsync(settings, source, ffmpeg, encoder, logger, cancellationToken);
        services.AddStreamPipeline(capture, live, encoder, policy);
        if (settings.Recording is not null || settings.Publish.Count > 0)
        {
            services.AddH264Source(await LiveEncoderChoices.ForMuxersAsync(live, settings, ffmpeg, encoder, logger, cancellationToken), format);
        }

        if (settings.Recording is { } recording)
        {
            services.AddSegmentRecording(new SegmentRecordingOptions(ffmpeg, recording, format.Framerate));
        }

        if (settings.Publish.Count > 0)
        {
            services.AddPublishing(new PublishOptions(ffmpeg, settings.Publish, format.Framerate));
        }

        services.AddJpeg(new JpegOptions(ffmpeg, format, encoderFlips.Horizontal, encoderFlips.Vertical));
        services.AddHealth(format);
        services.AddPrometheusMetrics();
        services.AddPistreaming();
        services.AddLiveCodec(live, ffmpeg, encoder);
        services.AddCameraControls(settings.CameraControls);
        services.AddPanTilt(settings.PanTilt);
        services.AddLights(settings.Lights);
        services.AddPresets(settings.Presets);
        services.AddAiming(settings.Aim.Resolve(sensor, source.Kind == SourceKind.Test));
        services.AddAccessControl(settings.Access);
        services.AddWebServer(new WebServerOptions(settings.Bind, settings.Port, settings.WebSocketPort)
        {
            TlsCertificate = settings.Access.TlsCertificate,
            TlsKey = settings.Access.TlsKey,
            RequestHeadersTimeout = settings.RequestHeadersTimeout,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
        services.AddSystemdNotifications();

        var app = builder.Build();
        app.UseReceiveLimit(ViewerOptions.DefaultMaxReceivedBytes, loggerFactory.CreateLogger<ViewerEndpoint>());
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.UseRouting();
        app.UseAccessControl();

        app.MapViewerStream();
        app.MapMpeg1Fallback();
        app.MapStatus();
        app.MapPistreaming();
        app.MapPanTilt();
        app.MapJpeg();
        app.MapHealth();
        app.MapMetrics();
        app.MapLights();
        app.MapPresets();
        app.MapWebAssets();
        app.MapSite();
        return app;
    }
}
