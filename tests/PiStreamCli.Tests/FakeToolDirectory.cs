namespace PiStream.Tests;

/// <summary>A temporary directory of shell scripts standing in for rpicam-hello, v4l2-ctl or ffmpeg; pass <see cref="Path"/> as the search path.</summary>
internal sealed class FakeToolDirectory : IDisposable
{
    public FakeToolDirectory()
    {
        Path = Directory.CreateTempSubdirectory("pistream-tools-").FullName;
    }

    public string Path { get; }

    public void Add(string name, string script)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>A v4l2-ctl that answers --list-devices, -d NODE --info, --list-formats-ext and --list-ctrls-menus from a fixture folder.</summary>
    public void AddV4l2Ctl(string fixtureFolder) => Add("v4l2-ctl", $$"""
        dir='{{TestFixtures.Directory(fixtureFolder)}}'
        if [ "$1" = "--list-devices" ]; then cat "$dir/list-devices.txt"; exit 0; fi
        node=$(basename "$2")
        case "$3" in
          --info) file="$dir/$node-info.txt" ;;
          --list-formats-ext) file="$dir/$node-formats.txt" ;;
          --list-ctrls-menus) file="$dir/$node-ctrls.txt" ;;
          *) exit 2 ;;
        esac
        if [ -f "$file" ]; then cat "$file"; else echo "Cannot open device $2, exiting." >&2; exit 1; fi
        """);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
