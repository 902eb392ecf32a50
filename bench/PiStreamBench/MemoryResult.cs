namespace PiStream.Bench;

/// <summary>pistream with one <see cref="MemorySetting"/>: memory at 50 and at 500 viewers, CPU at 50, and whether every viewer kept the rate.</summary>
internal sealed record MemoryResult(string Setting, MemorySample At50, MemorySample At500, double CpuAt50, double MinRateAt500);
