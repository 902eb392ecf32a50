namespace PiStream.Services.Probing;

/// <summary>One address of a network interface that is up, e.g. wlan0 192.168.1.23.</summary>
internal sealed record InterfaceAddress(string Interface, string Address);
