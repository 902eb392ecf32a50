using System.Text.RegularExpressions;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services;

/// <summary>
/// The folders under Services/ use each other only as docs/architecture.md declares, and never in a cycle.
/// A new folder or a new use is added to <see cref="Allowed"/> and to the table in docs/architecture.md.
/// </summary>
public sealed partial class FolderDependencyTests
{
    /// <summary>Which folders each folder may use (its <c>using PiStream.Services.X</c> and <c>PiStream.Services.X.</c> names).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Aiming"] = ["Http"],
        ["Broadcast"] = [],
        ["CameraControls"] = ["Http", "Processes"],
        ["Capture"] = ["CameraControls", "Processes", "Secrets"],
        ["Configuration"] = [],
        ["Detection"] = ["CameraControls", "Capture", "PanTilt", "Processes"],
        ["Encoding"] = ["Broadcast", "Capture", "Processes"],
        ["H264"] = ["Broadcast", "Capture", "Encoding", "Http", "Pistreaming", "Processes", "Recording", "Web"],
        ["Health"] = ["Broadcast", "Capture", "Http", "Pipeline"],
        ["Hosting"] = ["Aiming", "Broadcast", "CameraControls", "Capture", "Detection", "Encoding", "H264", "Health", "Http", "Jpeg", "Lights", "Logging", "Metrics", "Muxing", "PanTilt", "Pipeline", "Pistreaming", "Presets", "Processes", "Publish", "Recording", "Secrets", "Security", "Systemd", "Web"],
        ["Http"] = [],
        ["Jpeg"] = ["Broadcast", "Capture", "Http", "Processes", "Security"],
        ["Logging"] = [],
        ["Lights"] = ["Broadcast", "Http", "PanTilt"],
        ["Metrics"] = [],
        ["Muxing"] = ["Broadcast", "Capture", "Encoding"],
        ["PanTilt"] = ["Aiming", "Broadcast", "Http"],
        ["Pistreaming"] = ["Broadcast", "Http", "Web"],
        ["Presets"] = ["Broadcast", "Http", "PanTilt"],
        ["Pipeline"] = ["Broadcast", "Capture", "Encoding", "Http"],
        ["Probing"] = ["Aiming", "Detection", "Encoding", "H264", "PanTilt", "Processes", "Web"],
        ["Processes"] = ["Secrets"],
        ["Publish"] = ["Broadcast", "Http", "Muxing", "Processes", "Secrets"],
        ["Secrets"] = [],
        ["Recording"] = ["Broadcast", "CameraControls", "Capture", "Detection", "Encoding", "Logging", "Muxing", "Processes"],
        ["Security"] = ["Http"],
        ["Systemd"] = ["Broadcast", "Processes"],
        ["Web"] = ["Broadcast", "Http"],
    };

    [Fact]
    public void Every_folder_uses_only_the_folders_it_declares()
    {
        var undeclared = new List<string>();
        foreach (var (folder, uses) in ActualUses())
        {
            if (!Allowed.TryGetValue(folder, out var allowed))
            {
                undeclared.Add($"Services/{folder} is not in the dependency table: add it here and to docs/architecture.md");
                continue;
            }

            undeclared.AddRange(uses.Where(used => !allowed.Contains(used)).Select(used => $"Services/{folder} uses Services/{used}"));
        }

        Assert.True(undeclared.Count == 0, string.Join(Environment.NewLine, undeclared));
    }

    [Fact]
    public void The_declared_dependencies_have_no_cycle()
    {
        Assert.Null(FindCycle(Allowed));
    }

    [Fact]
    public void A_cycle_is_found_when_there_is_one()
    {
        var cyclic = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        Assert.Equal("A -> B -> C -> A", FindCycle(cyclic));
    }

    [Fact]
    public void Uses_are_read_from_code_and_not_from_comments_or_text()
    {
        var code = """
            using PiStream.Services.Capture;
            /// <summary>Like PiStream.Services.Web.ViewerEndpoint.</summary>
            var name = "PiStream.Services.Recording.Recorder";
            var hub = new PiStream.Services.Pipeline.StreamPipeline();
            """;
        Assert.Equal(["Capture", "Pipeline"], UsesIn(code).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, SortedSet<string>> ActualUses()
    {
        var root = Path.Combine(RepositoryRoot.Path, "Services");
        var uses = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var directory in Directory.GetDirectories(root))
        {
            var folder = Path.GetFileName(directory);
            var used = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            {
                used.UnionWith(UsesIn(File.ReadAllText(file)).Where(name => name != folder));
            }

            uses[folder] = used;
        }

        Assert.True(uses.Count >= 10, $"only {uses.Count} folders found under {root}");
        return uses;
    }

    private static IEnumerable<string> UsesIn(string code) =>
        code.Split('\n')
            .Select(line => line.Trim())
            .Where(line => !line.StartsWith("//", StringComparison.Ordinal))
            .Select(line => StringLiteral().Replace(line, "\"\""))
            .SelectMany(line => ServicesName().Matches(line).Select(match => match.Groups[1].Value))
            .Distinct();

    private static string? FindCycle(IReadOnlyDictionary<string, string[]> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        string? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return string.Join(" -> ", path[at..].Append(node));
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }

    [GeneratedRegex(@"\bPiStream\.Services\.([A-Za-z]+)\b")]
    private static partial Regex ServicesName();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
