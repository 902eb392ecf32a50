namespace PiStream.Tests.Support;

/// <summary>The checkout the tests were built from (the folder holding PiStreamCli.csproj).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PiStreamCli.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PiStreamCli.csproj not found above " + AppContext.BaseDirectory);
    }
}
