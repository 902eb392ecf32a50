using System.Globalization;
using Microsoft.Playwright;

namespace PiStream.Bench;

/// <summary>
/// JSMpeg's renderers in headless Chromium (software WebGL: SwiftShader): WebGL forced (<c>?webgl</c>), Canvas2D forced
/// (<c>?canvas2d</c>) and the page's own choice. First picture: a new page each time, navigation start to the first decoded
/// frame (<c>window.pistream.firstFrameAt</c>); then glass-to-glass latency on one page, all against one server at 30 fps.
/// </summary>
internal static class RendererBench
{
    public static async Task<IReadOnlyList<RendererResult>> RunAsync(IBrowser browser, bool quick, CancellationToken cancellationToken)
    {
        var options = new ServerOptions(30);
        await using var server = BenchServer.Start(options);
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var page = new PageLatency(browser);
        var results = new List<RendererResult>();
        foreach (var query in new[] { "&webgl", "&canvas2d", "" })
        {
            var firsts = new List<double>();
            for (var run = 0; run < (quick ? 1 : 7); run++)
            {
                firsts.Add(await FirstPictureAsync(browser, server, query));
            }

            var latency = await page.MeasureAsync(server, options, query, TimeSpan.FromSeconds(quick ? 1 : 4), TimeSpan.FromSeconds(quick ? 2 : 20), cancellationToken);
            results.Add(new RendererResult(query.Length == 0 ? "(page's choice)" : "?" + query[1..], latency.Renderer, [.. firsts], latency.Latency, latency.FramesDecoded));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  renderer {results[^1].Query} ({latency.Renderer}): first picture median {Percentiles.MedianOf(firsts):0} ms, latency median {latency.Latency.Median:0} p99 {latency.Latency.P99:0} ms"));
        }

        return results;
    }

    private static async Task<double> FirstPictureAsync(IBrowser browser, BenchServer server, string query)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.PageUri("first" + query).ToString());
        var handle = await page.WaitForFunctionAsync("() => window.pistream && window.pistream.firstFrameAt", null, new() { Timeout = 30_000, PollingInterval = 5 });
        return await handle.JsonValueAsync<double>();
    }
}
