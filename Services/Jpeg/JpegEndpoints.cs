using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Broadcast;
using PiStream.Services.Http;
using PiStream.Services.Security;

namespace PiStream.Services.Jpeg;

/// <summary>
/// GET /snapshot.jpg (the newest frame as a JPEG) and GET /stream.mjpg (multipart JPEG stream), both with
/// <c>?width=</c>, the stream with <c>?fps=</c>. HEAD answers with the headers only and encodes nothing. An MJPEG
/// client is a viewer: it takes a place under <c>--max-viewers</c> and <c>--max-viewers-per-address</c>.
/// </summary>
internal sealed class JpegEndpoints(
    IOptions<JpegOptions> jpegOptions,
    JpegChannels channels,
    ViewerLimit viewerLimit,
    ViewerMetrics viewerMetrics,
    ViewerOptions viewerOptions,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<JpegEndpoints> logger)
{
    public async Task SnapshotAsync(HttpContext context)
    {
        if (await OpenAsync(context, allowFps: false, "image/jpeg") is not { } opened)
        {
            return;
        }

        var channel = opened.Channel;

        var response = context.Response;
        var options = jpegOptions.Value;
        var picture = await channel.SnapshotAsync(options.SnapshotKeepAlive, options.SnapshotTimeout, context.RequestAborted);
        if (picture is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "5";
            await HttpResponses.WriteTextAsync(response, $"No picture within {options.SnapshotTimeout.TotalSeconds:0} s: the camera sends no frames (see /healthz and the server's log).");
            return;
        }

        response.ContentType = "image/jpeg";
        response.ContentLength = picture.Data.Length;
        response.Headers.ContentDisposition = $"inline; filename=\"{FileName(time.GetLocalNow())}\"";
        await response.Body.WriteAsync(picture.Data, context.RequestAborted);
    }

    public async Task StreamAsync(HttpContext context)
    {
        if (await OpenAsync(context, allowFps: true, MultipartWriter.ContentType) is not { } opened)
        {
            return;
        }

        var (channel, request) = opened;

        using var place = await viewerLimit.EnterAsync(context);
        if (place is null)
        {
            return;
        }

        var response = context.Response;
        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        var client = new MjpegClient(remote, request.Fps, viewerOptions.MaxBehind, viewerMetrics, time, logger);
        try
        {
            response.ContentType = MultipartWriter.ContentType;
            response.Headers.Pragma = "no-cache";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            StreamingConnection.Prepare(context);
            await response.StartAsync(context.RequestAborted);
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            using var tracked = viewerMetrics.Track(MjpegClient.Kind, () => (client.BytesSent, client.FramesSkipped));
            channel.AddClient(client);
            logger.LogInformation("MJPEG client {Remote} connected ({Width}x{Height})", remote, channel.Settings.Width, channel.Settings.Height);
            await client.RunAsync(response.BodyWriter, stopping.Token);
        }
        finally
        {
            channel.RemoveClient(client);
            logger.LogInformation("MJPEG client {Remote} left: {Reason}", remote, client.CloseReason);
            if (client.CloseReason?.StartsWith("client too slow", StringComparison.Ordinal) == true)
            {
                context.Abort();
            }
        }
    }

    /// <summary>pistream-YYYYMMDD-HHMMSS.jpg in the server's local time.</summary>
    internal static string FileName(DateTimeOffset now) => string.Create(CultureInfo.InvariantCulture, $"pistream-{now:yyyyMMdd-HHmmss}.jpg");

    /// <summary>
    /// What both routes do first: no caching, the query read (400 naming the fix), the channel of the asked size found
    /// (503 when too many sizes are being encoded), and HEAD answered with the headers only, encoding nothing. Null when
    /// the request has been answered.
    /// </summary>
    private async Task<(JpegChannel Channel, JpegRequest Request)?> OpenAsync(HttpContext context, bool allowFps, string contentType)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!JpegQuery.TryParse(context.Request.Query, jpegOptions.Value.Format, allowFps, out var request, out var error))
        {
            await BadRequestAsync(response, error);
            return null;
        }

        var channel = channels.Get(request.Width);
        if (channel is null)
        {
            await TooManySizesAsync(response);
            return null;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.ContentType = contentType;
            return null;
        }

        return (channel, request);
    }

    private static Task BadRequestAsync(HttpResponse response, string error)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        return HttpResponses.WriteTextAsync(response, error);
    }

    private Task TooManySizesAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "10";
        return HttpResponses.WriteTextAsync(response, $"{jpegOptions.Value.MaxSizes} other picture sizes are being encoded now; ask for one of them (or the full size, without ?width=) or try again later.");
    }
}
