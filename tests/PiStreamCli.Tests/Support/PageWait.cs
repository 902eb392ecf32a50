using Microsoft.Playwright;

namespace PiStream.Tests.Support;

/// <summary>
/// Waits for a condition on a page by evaluating it every 100 ms. Not <c>WaitForFunctionAsync</c>: once its first check
/// fails, Playwright polls by evaluating a string inside the page, which the page's Content-Security-Policy (no
/// 'unsafe-eval') refuses, so a condition that becomes true later is never seen (the wait just times out).
/// </summary>
internal static class PageWait
{
    public static async Task UntilAsync(IPage page, string predicate, float timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await page.EvaluateAsync<bool>($"() => !!(({predicate})())"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{predicate} was still false after {timeoutMs} ms");
            }

            await Task.Delay(100);
        }
    }
}
