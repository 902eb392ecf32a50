using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.PanTilt;
using PiStream.Services.Pipeline;
using PiStream.Services.Security;
using PiStream.Services.Web;

namespace PiStream.Services.Hosting;

/// <summary>
/// A running <c>serve</c>: the handle the command and the tests hold on the application
/// <see cref="ServeApplication"/> builds. Tests start one on port 0 exactly as the command does.
/// </summary>
internal sealed class StreamHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILogger _logger;

    private StreamHost(WebApplication app, ILogger logger)
    {
        _app = app;
        _logger = logger;
        var ports = app.Services.GetRequiredService<ListenPorts>();
        HttpPort = ports.Http;
        WebSocketPort = ports.WebSocket;
    }

    public int HttpPort { get; }

    public int WebSocketPort { get; }

    public StreamPipeline Pipeline => _app.Services.GetRequiredService<StreamPipeline>();

    public Broadcaster Broadcaster => _app.Services.GetRequiredService<Broadcaster>();

    public string SourceDescription => Pipeline.Source.Description;

    /// <summary>The pan-tilt controller, or null when serve has no pan-tilt device.</summary>
    public PanTiltController? PanTilt => _app.Services.GetRequiredService<PanTiltHost>().Controller;

    /// <summary>The application's services (tests and features reach the singletons through it).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Checks what serve needs (ffmpeg, the source), starts the hosted services, starts listening, then starts the
    /// pipeline. Throws <see cref="FfmpegNotFoundException"/>, <see cref="Capture.CaptureUnavailableException"/>,
    /// <see cref="PanTiltUnavailableException"/>, <see cref="Recording.RecordingUnavailableException"/> or
    /// <see cref="PortInUseException"/>, each with the fix in its message, having stopped whatever it started.
    /// </summary>
    public static async Task<StreamHost> StartAsync(ServeSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken, RestartPolicy? policy = null, CameraDetector? detector = null)
    {
        var logger = loggerFactory.CreateLogger<StreamHost>();
        var app = await ServeApplication.BuildAsync(settings, loggerFactory, policy ?? RestartPolicy.Default, detector, cancellationToken);
        logger.LogInformation("Initializing HTTP server on port {Port} and WebSocket server on port {WebSocketPort}", settings.Port, settings.WebSocketPort);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new PortInUseException(PortInUseMessage(e, settings), e);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        AccessWarnings.Log(settings.Access, canMove: app.Services.GetRequiredService<PanTiltHost>().Controller is not null, logger);
        return new StreamHost(app, logger);
    }

    /// <summary>Closes the viewers, stops listening, stops the capture and ffmpeg processes (within about 2 s) and disables the servos.</summary>
    public async ValueTask DisposeAsync()
    {
        _logger.LogInformation("Shutting down");
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1.5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Out of time: disposing below ends what is left (the pipeline kills its processes).
            }
        }

        await _app.DisposeAsync();
    }

    private static string PortInUseMessage(IOException e, ServeSettings settings)
    {
        var port = e.Message.Contains($":{settings.WebSocketPort}", StringComparison.Ordinal) && settings.WebSocketPort != 0 ? settings.WebSocketPort : settings.Port;
        var option = port == settings.WebSocketPort ? "--ws-port" : "--port";
        return $"Port {port} is already in use (is another pistream running?). Stop that program or choose another port with {option}.";
    }
}
