using System.CommandLine;
using System.CommandLine.Parsing;
using PiStream.Services.Publish;

namespace PiStream.Commands;

/// <summary>The options of <c>serve</c> for pushing the stream to media servers: --publish URL (repeatable) and --publish-url-file PATH.</summary>
internal static class ServePublishOptions
{
    public static readonly Option<PublishTarget[]> Publish = new("--publish")
    {
        Description = "Also push the stream as H.264 to a media server, e.g. rtmp://server/live/cam, rtsp://server:8554/cam or srt://server:8890?streamid=publish:cam (repeatable; docs/scale-out.md).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = ParseUrls,
    };

    public static readonly Option<PublishTarget[]> PublishUrlFile = new("--publish-url-file")
    {
        Description = "Read publish URLs from this file, one per line (# starts a comment), so a stream key is not on the command line.",
        CustomParser = ParseFile,
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Publish);
        command.Options.Add(PublishUrlFile);
    }

    /// <summary>Every target from --publish and --publish-url-file, in that order.</summary>
    public static IReadOnlyList<PublishTarget> Read(ParseResult result) =>
        [.. result.GetValue(Publish) ?? [], .. result.GetValue(PublishUrlFile) ?? []];

    private static PublishTarget[] ParseUrls(ArgumentResult result)
    {
        var targets = new List<PublishTarget>();
        foreach (var token in result.Tokens)
        {
            if (!PublishTarget.TryParse(token.Value, out var target, out var error))
            {
                result.AddError($"--publish {error}");
                return [];
            }

            targets.Add(target!);
        }

        return [.. targets];
    }

    private static PublishTarget[] ParseFile(ArgumentResult result)
    {
        var path = ValueParsers.Token(result);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            result.AddError($"--publish-url-file '{path}' cannot be read ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}): give a readable file with one URL per line.");
            return [];
        }

        var targets = new List<PublishTarget>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!PublishTarget.TryParse(line, out var target, out var error))
            {
                result.AddError($"--publish-url-file '{path}' line {i + 1}: {error}");
                return [];
            }

            targets.Add(target!);
        }

        if (targets.Count == 0)
        {
            result.AddError($"--publish-url-file '{path}' holds no URL: write one per line, e.g. rtmp://server/live/cam.");
        }

        return [.. targets];
    }
}
