using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Web;

/// <summary>GET /api/status: one JSON object made of the <see cref="IStatusSection"/>s the features registered.</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints)
    {
        var sections = endpoints.ServiceProvider.GetServices<IStatusSection>().ToArray();
        endpoints.MapMethods("/api/status", HttpResponses.Reads, context =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return HttpResponses.WriteJsonBytesAsync(context.Response, Compose(sections));
        });
        return endpoints;
    }

    /// <summary>The document: top-level sections' properties first, then each named section under its name.</summary>
    internal static byte[] Compose(IEnumerable<IStatusSection> sections)
    {
        var document = new JsonObject();
        foreach (var section in sections)
        {
            var value = section.Read();
            if (section.Name is { } name)
            {
                document[name] = value;
            }
            else if (value is JsonObject fields)
            {
                foreach (var (field, fieldValue) in fields.ToArray())
                {
                    fields.Remove(field);
                    document[field] = fieldValue;
                }
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(document, HttpJsonContext.Default.JsonObject);
    }
}
