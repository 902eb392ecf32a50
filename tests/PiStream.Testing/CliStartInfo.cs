namespace PiStream.Testing;

/// <summary>How to start the real pistream command line: its arguments and, optionally, environment, folder and a line observer.</summary>
public sealed record CliStartInfo(IReadOnlyList<string> Arguments)
{
    /// <summary>Variables set (or replaced) in the child's environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>A native pistream executable to run (a Native AOT build); null runs PiStreamCli.dll with the dotnet host.</summary>
    public string? Executable { get; init; }

    /// <summary>The child's working directory; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Called for each line the process prints, as it prints it; the flag is true for standard error.</summary>
    public Action<string, bool>? OnLine { get; init; }
}
