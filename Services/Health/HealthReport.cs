namespace PiStream.Services.Health;

/// <summary>The answer of /healthz: <see cref="Healthy"/> (200) or not (503), and one line saying why.</summary>
internal sealed record HealthReport(bool Healthy, string Reason);
