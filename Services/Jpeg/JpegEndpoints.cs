using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Http;
using PiStream.Services.Security;

namespace PiStream.Services.Jpeg;

/// <summary>
/// GET /snapshot.jpg (the newest frame as a JPEG) and GET /stream.mjpg (multipart JPEG stream), both with
/// <c>?width=</c>, the stream with <c>?fps=</c>. HEAD answers with the headers only and encodes nothing.
/// </summary>
internal sealed class JpegEndpoints(
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
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!JpegQuery.TryParse(context.Request.Query, channels.Options.Format, allowFps: false, out var request, out var error))
        {
            await BadRequestAsync(response, error);
            return;
        }

        var channel = channels.Get(request.Width);
        if (channel is null)
        {
            await TooManySizesAsync(response);
            return;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.ContentType = "image/jpeg";
            return;
        }

        var options = channels.Options;
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
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!JpegQuery.TryParse(context.Request.Query, channels.Options.Format, allowFps: true, out var request, out var error))
        {
            await BadRequestAsync(response, error);
            return;
        }

        var channel = channels.Get(request.Width);
        if (channel is null)
        {
            await TooManySizesAsync(response);
            return;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.ContentType = MultipartWriter.ContentType;
            return;
        }

        if (!viewerLimit.TryEnter())
        {
            await viewerLimit.RefuseAsync(context);
            return;
        }

        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        var client = new MjpegClient(remote, request.Fps, viewerOptions.MaxBehind, viewerMetrics, time, logger);
        try
        {
            response.ContentType = MultipartWriter.ContentType;
            response.Headers.Pragma = "no-cache";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
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
            viewerLimit.Exit();
            logger.LogInformation("MJPEG client {Remote} left: {Reason}", remote, client.CloseReason);
            if (client.CloseReason?.StartsWith("client too slow", StringComparison.Ordinal) == true)
            {
                context.Abort();
            }
        }
    }

    /// <summary>pistream-YYYYMMDD-HHMMSS.jpg in the server's local time.</summary>
    internal static string FileName(DateTimeOffset now) => string.Create(CultureInfo.InvariantCulture, $"pistream-{now:yyyyMMdd-HHmmss}.jpg");

    private static Task BadRequestAsync(HttpResponse response, string error)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        return HttpResponses.WriteTextAsync(response, error);
    }

    private Task TooManySizesAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "10";
        return HttpResponses.WriteTextAsync(response, $"{channels.Options.MaxSizes} other picture sizes are being encoded now; ask for one of them (or the full size, without ?width=) or try again later.");
    }
}
