namespace PiStream.Commands;

/// <summary>Process exit codes shared by every command (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but failed (a device, a process or the network).</summary>
    public const int Failed = 1;

    /// <summary>An option had a bad value; nothing was changed.</summary>
    public const int BadInput = 2;

    /// <summary>Something this machine needs is missing (ffmpeg, a camera, I2C); the message names the fix.</summary>
    public const int MissingDependency = 3;
}
