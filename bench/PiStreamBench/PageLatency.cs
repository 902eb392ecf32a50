using System.Diagnostics;
using Microsoft.Playwright;

namespace PiStream.Bench;

/// <summary>
/// Opens the real page in headless Chromium as <c>/index.html?measure</c>: after each decoded frame the
/// page reads the capture time stamped into the picture back from the canvas and records
/// <c>Date.now() - stamp</c> (docs/frame-stamp.md). This collects those numbers, and the first-picture time.
/// </summary>
internal sealed class PageLatency(IBrowser browser)
{
    private static readonly PageWaitForFunctionOptions Patient = new() { Timeout = 20_000, PollingInterval = 10 };

    public async Task<LatencyRun> MeasureAsync(BenchServer server, ServerOptions options, string query, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.PageUri("measure" + query).ToString());
        await page.WaitForFunctionAsync("() => window.pistream && window.pistream.latencies.length > 0", null, Patient);
        await Task.Delay(warmUp, cancellationToken); // the page first decodes the cached group of pictures (older stamps)
        await page.EvaluateAsync("() => { window.pistream.latencies.splice(0); window.pistream.framesDecoded = 0; }");

        var samples = new List<(double Second, double Ms)>();
        var clock = Stopwatch.StartNew();
        var poll = TimeSpan.FromSeconds(Math.Min(1, duration.TotalSeconds / 4));
        while (clock.Elapsed < duration)
        {
            await Task.Delay(poll, cancellationToken);
            var second = clock.Elapsed.TotalSeconds;
            var values = await page.EvaluateAsync<double[]>("() => window.pistream.latencies.splice(0)");
            samples.AddRange(values.Select(ms => (second, ms)));
        }

        var decoded = await page.EvaluateAsync<int>("() => window.pistream.framesDecoded");
        var renderer = await page.EvaluateAsync<string>("() => window.pistream.player.renderer ? (window.pistream.player.renderer.gl ? 'WebGL' : 'Canvas2D') : window.pistream.playerKind");
        return new LatencyRun(options.Framerate, renderer, options.DebugDelayMs, samples, decoded);
    }

    /// <summary>A new viewer: the page's own measure from WebSocket open to the first decoded frame, in ms.</summary>
    public async Task<double> FirstPictureAsync(BenchServer server)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.PageUri("first").ToString());
        var handle = await page.WaitForFunctionAsync("() => window.pistream && window.pistream.firstFrameMs", null, Patient);
        return await handle.JsonValueAsync<double>();
    }
}
