using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;

namespace PiStream.Services.Web;

/// <summary>
/// Every HTTP route, as the seed's server had them plus a few: / redirects to /index.html; the page and
/// its scripts; /do_orient; /api/status; WebSocket upgrades at /stream (and at / on the seed's separate
/// WebSocket port). HEAD answers as GET without a body; other methods get 405.
/// </summary>
internal sealed class StreamRoutes(
    WebAssets assets,
    Broadcaster broadcaster,
    byte[] header,
    ViewerOptions viewerOptions,
    Func<StatusReport> status,
    ILogger<StreamRoutes> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The port that only takes WebSocket upgrades (the seed's 8084); set once the server listens.</summary>
    public int WebSocketPort { get; set; } = -1;

    /// <summary>Fires when the server stops; open viewers are closed with a reason.</summary>
    public CancellationToken Stopping { get; set; }

    /// <summary>Moves the camera for a valid /do_orient; null while no pan-tilt device is attached.</summary>
    public Func<HttpContext, OrientQuery, Task>? Orient { get; set; }

    /// <summary>Answers /api/orientation; null while no pan-tilt device is attached.</summary>
    public Func<HttpContext, Task>? ReadOrientation { get; set; }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            await WriteTextAsync(response, $"{request.Method} is not allowed here: use GET or HEAD.");
            return;
        }

        var path = request.Path.Value ?? "/";
        if (context.Connection.LocalPort == WebSocketPort)
        {
            await StreamOrRefuseAsync(context, path == "/");
            return;
        }

        switch (path)
        {
            case "/":
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.Location = "/index.html";
                return;
            case "/stream":
                await StreamOrRefuseAsync(context, true);
                return;
            case "/do_orient":
                await OrientAsync(context);
                return;
            case "/api/orientation":
                await ReadOrientationAsync(context);
                return;
            case "/api/status":
                response.Headers.CacheControl = "no-store";
                await WriteJsonAsync(response, status());
                return;
        }

        if (assets.TryGet(path, out var asset))
        {
            response.ContentType = asset.ContentType;
            response.ContentLength = asset.Content.Length;
            response.Headers.CacheControl = "no-cache";
            await response.Body.WriteAsync(asset.Content, context.RequestAborted);
            return;
        }

        response.StatusCode = StatusCodes.Status404NotFound;
        await WriteTextAsync(response, $"Not found: {path}. The camera page is at /index.html.");
    }

    /// <summary>Bad values are a 400 whether or not a device is attached; a good request without one is a 503.</summary>
    private async Task OrientAsync(HttpContext context)
    {
        if (!OrientQuery.TryParse(context.Request.Query, out var query, out var error))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteTextAsync(context.Response, error);
            return;
        }

        if (Orient is null)
        {
            await NoPanTiltAsync(context);
            return;
        }

        await Orient(context, query!);
    }

    private async Task ReadOrientationAsync(HttpContext context)
    {
        if (ReadOrientation is null)
        {
            await NoPanTiltAsync(context);
            return;
        }

        await ReadOrientation(context);
    }

    private static Task NoPanTiltAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return WriteTextAsync(context.Response, "No pan-tilt device: attach a Pimoroni Pan-Tilt HAT and enable I2C (sudo raspi-config nonint do_i2c 0).");
    }

    private async Task StreamOrRefuseAsync(HttpContext context, bool isStreamPath)
    {
        if (!isStreamPath || !context.WebSockets.IsWebSocketRequest || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = isStreamPath ? StatusCodes.Status426UpgradeRequired : StatusCodes.Status404NotFound;
            if (isStreamPath)
            {
                context.Response.Headers.Upgrade = "websocket";
                context.Response.Headers.Connection = "Upgrade";
            }

            await WriteTextAsync(context.Response, "This address takes WebSocket connections for the video stream; open the page at /index.html on the HTTP port.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        var viewer = new Viewer(socket, remote, viewerOptions, logger);
        logger.LogInformation("Viewer {Remote} connected ({Count} watching)", remote, broadcaster.ViewerCount + 1);
        try
        {
            await viewer.RunAsync(header, broadcaster.Join, Stopping);
        }
        finally
        {
            broadcaster.Leave(viewer);
            logger.LogInformation("Viewer {Remote} left: {Reason} ({Count} watching)", remote, viewer.CloseReason, broadcaster.ViewerCount);
        }
    }

    internal static Task WriteTextAsync(HttpResponse response, string text)
    {
        response.ContentType = "text/plain; charset=utf-8";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text + "\n");
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }

    internal static Task WriteJsonAsync<T>(HttpResponse response, T value)
    {
        response.ContentType = "application/json; charset=utf-8";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }
}
