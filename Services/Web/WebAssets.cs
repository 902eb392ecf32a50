using System.Reflection;

namespace PiStream.Services.Web;

/// <summary>The page, its script and style, and the JSMpeg player, read from the tool's embedded resources.</summary>
internal sealed class WebAssets
{
    private const string Prefix = "Assets/";
    private readonly Dictionary<string, WebAsset> _byPath;

    private WebAssets(Dictionary<string, WebAsset> byPath) => _byPath = byPath;

    public static WebAssets Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var assets = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var path = "/" + name[Prefix.Length..];
            var content = copy.ToArray();
            assets[path] = new WebAsset(path, ContentTypeOf(path), content, ETagOf(content));
        }

        if (!assets.ContainsKey("/jsmpg.js"))
        {
            throw new InvalidOperationException("The web player is missing from this build: run 'npm ci' in the source folder and build again.");
        }

        return assets.Count == 0 ? throw new InvalidOperationException("No web assets embedded.") : new WebAssets(assets);
    }

    public bool TryGet(string path, out WebAsset asset) => _byPath.TryGetValue(path, out asset!);

    public IEnumerable<string> Paths => _byPath.Keys;

    private static string ETagOf(byte[] content) =>
        $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content).AsSpan(0, 12))}\"";

    private static string ContentTypeOf(string path) => System.IO.Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "application/javascript",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
