namespace PiStream.Tests;

/// <summary>Captured tool outputs in Fixtures/ (copied next to the test assembly).</summary>
internal static class TestFixtures
{
    public static string Directory(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string Read(string relative) => File.ReadAllText(Directory(relative));
}
