namespace PiStream.Services.Probing;

/// <summary>The machine: OS, kernel, CPU architecture, Raspberry Pi model (null elsewhere) and .NET runtime.</summary>
internal sealed record PlatformInfo(string Os, string Kernel, string Architecture, string? PiModel, string Dotnet)
{
    public bool IsRaspberryPi => PiModel?.Contains("Raspberry Pi", StringComparison.OrdinalIgnoreCase) == true;
}
