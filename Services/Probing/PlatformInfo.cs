namespace PiStream.Services.Probing;

/// <summary>The machine: OS, kernel, the OS's CPU architecture and the one pistream runs as (they differ for a 32-bit
/// build on a 64-bit kernel, as on 32-bit Raspberry Pi OS on a Pi 4), Raspberry Pi model (null elsewhere) and .NET runtime.</summary>
internal sealed record PlatformInfo(string Os, string Kernel, string Architecture, string ProcessArchitecture, string? PiModel, string Dotnet)
{
    public bool IsRaspberryPi => PiModel?.Contains("Raspberry Pi", StringComparison.OrdinalIgnoreCase) == true;
}
