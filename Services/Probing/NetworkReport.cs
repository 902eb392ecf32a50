namespace PiStream.Services.Probing;

/// <summary>Where the page can be opened, and whether serve's ports are free.</summary>
internal sealed record NetworkReport(IReadOnlyList<InterfaceAddress> Interfaces, IReadOnlyList<string> PageUrls, IReadOnlyList<PortStatus> Ports);
