namespace PiStream.Services.Systemd;

/// <summary>A file <c>service install</c> writes: where, what, with which mode, and what a dry run may show of it (secrets masked).</summary>
internal sealed record PlannedFile(string Path, string Content, UnixFileMode Mode, string Shown);
