using Microsoft.Playwright;

namespace PiStream.Tests.Support;

/// <summary>Saves what a page looks like on a phone (390x844) and a laptop (1280x800) for a person to read (not compared).</summary>
internal static class Screenshots
{
    /// <summary>
    /// <c>PISTREAM_SCREENSHOTS</c> when set, else the team's screenshot folder when it exists (the lead reads it), else a
    /// folder under the temp directory.
    /// </summary>
    public static string Folder { get; } = Environment.GetEnvironmentVariable("PISTREAM_SCREENSHOTS") is { Length: > 0 } chosen
        ? Directory.CreateDirectory(chosen).FullName
        : Directory.Exists("/work/team")
            ? Directory.CreateDirectory("/work/team/screenshots/seed").FullName
            : Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pistream-screenshots")).FullName;

    /// <summary>Takes <c>NAME-390x844.png</c> and <c>NAME-1280x800.png</c>, then leaves the page at 1280x800.</summary>
    public static async Task TakeAsync(IPage page, string name, Func<Task>? prepare = null)
    {
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            if (prepare is not null)
            {
                await prepare();
            }

            await page.WaitForTimeoutAsync(300);
            var path = Path.Combine(Folder, $"{name}-{width}x{height}.png");
            await page.ScreenshotAsync(new() { Path = path });
            Assert.True(new FileInfo(path).Length > 1000, $"screenshot {path} is empty");
        }
    }
}
