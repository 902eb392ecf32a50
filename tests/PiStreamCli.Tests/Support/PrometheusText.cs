using System.Diagnostics;
using System.Text.Json;

namespace PiStream.Tests.Support;

/// <summary>
/// Parses a /metrics answer with the real Prometheus Python client's text parser (Debian's python3-prometheus-client),
/// the way a scraper would: a malformed exposition fails the parse. Returns each family's type and samples.
/// </summary>
internal static class PrometheusText
{
    private const string Script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = {}
        for family in text_string_to_metric_families(sys.stdin.read()):
            out[family.name] = {"type": family.type, "samples": [[s.name, s.labels, s.value] for s in family.samples]}
        print(json.dumps(out))
        """;

    public static async Task<Dictionary<string, Family>> ParseAsync(string text)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"the Prometheus parser refused the text: {await errors}");
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(await output);
        foreach (var family in document.RootElement.EnumerateObject())
        {
            var samples = family.Value.GetProperty("samples").EnumerateArray().Select(sample => new Sample(
                sample[0].GetString()!,
                sample[1].EnumerateObject().ToDictionary(label => label.Name, label => label.Value.GetString()!),
                sample[2].GetDouble())).ToList();
            families[family.Name] = new Family(family.Value.GetProperty("type").GetString()!, samples);
        }

        return families;
    }

    internal sealed record Family(string Type, IReadOnlyList<Sample> Samples)
    {
        public double Sum(string? kind = null) => Samples.Where(sample => kind is null || sample.Labels.GetValueOrDefault("kind") == kind).Sum(sample => sample.Value);
    }

    internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
