using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Http;

/// <summary>The short answers every feature gives: a line of text (errors name their fix), a JSON body, and 405.</summary>
internal static class HttpResponses
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>GET and HEAD: the methods every read route answers (HEAD without a body).</summary>
    public static IReadOnlyList<string> Reads => ReadMethods;

    /// <summary>True for GET and HEAD.</summary>
    public static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    public static Task WriteTextAsync(HttpResponse response, string text)
    {
        response.ContentType = "text/plain; charset=utf-8";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text + "\n");
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }

    /// <summary>A JSON body written with the value's compiled <paramref name="contract"/> (from its feature's JSON context).</summary>
    public static Task WriteJsonAsync<T>(HttpResponse response, T value, JsonTypeInfo<T> contract) => WriteJsonBytesAsync(response, JsonSerializer.SerializeToUtf8Bytes(value, contract));

    public static Task WriteJsonBytesAsync(HttpResponse response, byte[] json)
    {
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json).AsTask();
    }

    /// <summary>405 with <c>Allow: GET, HEAD</c>: pistream's routes only read (control routes move the camera on GET, as pistreaming did).</summary>
    public static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD";
        return WriteTextAsync(context.Response, $"{context.Request.Method} is not allowed here: use GET or HEAD.");
    }
}
