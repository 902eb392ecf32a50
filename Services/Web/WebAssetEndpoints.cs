using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using PiStream.Services.Http;

namespace PiStream.Services.Web;

/// <summary>
/// The page and its files from the tool's embedded resources, one endpoint each: <c>Cache-Control: no-cache</c>
/// with an <c>ETag</c>, so a browser revalidates and gets <c>304 Not Modified</c> while the tool is unchanged.
/// </summary>
internal static class WebAssetEndpoints
{
    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder endpoints)
    {
        var assets = endpoints.ServiceProvider.GetRequiredService<WebAssets>();
        foreach (var path in assets.Paths)
        {
            assets.TryGet(path, out var asset);
            endpoints.MapMethods(path, HttpResponses.Reads, context => ServeAsync(context, asset));
        }

        return endpoints;
    }

    private static Task ServeAsync(HttpContext context, WebAsset asset)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        if (IsCached(context.Request, asset))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }

    private static bool IsCached(HttpRequest request, WebAsset asset)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var ours = EntityTagHeaderValue.Parse(asset.ETag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
    }
}
