using System.Runtime.InteropServices;

namespace PiStream.Services.Systemd;

/// <summary>How systemd starts this very pistream: its absolute path, or the dotnet host and the dll when run as <c>dotnet PiStreamCli.dll</c>.</summary>
internal static class ServiceProgram
{
    /// <summary>The command name <c>dotnet tool install</c> gives pistream (ToolCommandName in the project).</summary>
    public const string ToolCommand = "pistream";

    /// <summary>The program and, for the dotnet host, the dll: absolute paths.</summary>
    public static IReadOnlyList<string> Command()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, typeof(ServiceProgram).Assembly.GetName().Name + ".dll")]
            : [ToolLauncher(process) ?? process];
    }

    /// <summary>
    /// The launcher of a native tool: <c>dotnet tool install</c> puts the native pistream (the Raspberry Pi's package)
    /// in a folder named after its version (<c>TOOLS/.store/pistream/0.1.0/...</c>) and links <c>TOOLS/pistream</c> to it.
    /// The unit must name the link, which <c>dotnet tool update</c> keeps, not the versioned file it replaces. Null when
    /// <paramref name="process"/> is not such a tool (then it is named as it is).
    /// </summary>
    public static string? ToolLauncher(string process)
    {
        var store = process.IndexOf("/.store/", StringComparison.Ordinal);
        if (store <= 0)
        {
            return null;
        }

        var launcher = Path.Combine(process[..store], ToolCommand);
        var target = File.Exists(launcher) ? File.ResolveLinkTarget(launcher, returnFinalTarget: true) : null;
        return target is not null && target.FullName == Path.GetFullPath(process) ? launcher : null;
    }

    /// <summary>The .NET install this process runs on (what DOTNET_ROOT must say for a tool's launcher to find it); null for a self-contained pistream.</summary>
    public static string? DotnetRoot()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        if (string.IsNullOrEmpty(runtime))
        {
            return null;
        }

        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        return Directory.Exists(Path.Combine(root, "shared", "Microsoft.NETCore.App")) ? root : null;
    }

    /// <summary>True for a program under /home (a global tool in ~/.dotnet/tools): the unit must then leave /home readable.</summary>
    public static bool IsUnderHome(string program) => program.StartsWith("/home/", StringComparison.Ordinal);

    /// <summary>A program in a home folder may be out of the service user's reach: say so, with the fix.</summary>
    public static void WarnIfUnreadable(string program, TextWriter error)
    {
        if (program.StartsWith("/root/", StringComparison.Ordinal) || IsUnderHome(program))
        {
            error.WriteLine($"warning: {program} is in a home folder, which the user pistream may not be allowed to read. If the service does not start, install pistream for every user: sudo dotnet tool install --tool-path /opt/pistream pistream, then: sudo /opt/pistream/pistream service install ...");
        }
    }
}
