namespace PiStream.Services.Recording;

/// <summary>
/// Checks, before anything is captured, that a recording can be written to a path: a known extension,
/// an existing folder, no file in the way (unless overwriting is allowed), write permission and some
/// free space. Creating the (empty) file is the test for permission.
/// </summary>
internal static class OutputCheck
{
    /// <summary>Less free space than this is reported as a full disk before recording starts.</summary>
    public const long MinimumFreeBytes = 1_000_000;

    /// <summary>Returns null when <paramref name="path"/> can be written; else the error, naming the fix.</summary>
    public static OutputProblem? Check(string path, bool overwrite)
    {
        if (RecordingContainer.FromPath(path) is null)
        {
            var extension = Path.GetExtension(path);
            return new OutputProblem(
                true,
                $"{path}: cannot record to {(extension.Length == 0 ? "a file without an extension" : $"a {extension} file")}. End the name with {RecordingContainer.Supported} (e.g. {Path.ChangeExtension(path, ".mp4")}).");
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (Directory.Exists(full))
        {
            return new OutputProblem(true, $"{path} is a folder: give a file name in it, e.g. {Path.Combine(path, "clip.mp4")}.");
        }

        if (!Directory.Exists(folder))
        {
            return new OutputProblem(true, $"cannot write {path}: the folder {folder} does not exist. Create it (mkdir -p {folder}) or choose another path.");
        }

        if (File.Exists(full) && !overwrite)
        {
            return new OutputProblem(true, $"{path} already exists: add --force to overwrite it, or choose another name.");
        }

        var free = FreeBytes(folder);
        if (free < MinimumFreeBytes)
        {
            return new OutputProblem(false, $"disk full: only {SizeParser.Format(free)} free for {path}. Free some space or record to another disk.");
        }

        try
        {
            using (new FileStream(full, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write))
            {
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new OutputProblem(false, $"cannot write {path}: {e.Message} Choose a folder you can write to.");
        }

        return null;
    }

    /// <summary>Bytes free for this user on the file system holding <paramref name="folder"/>.</summary>
    public static long FreeBytes(string folder) => new DriveInfo(folder).AvailableFreeSpace;
}
