namespace PiStream.Bench;

/// <summary>Everything <c>bench/run.sh --players</c> measured.</summary>
internal sealed record PlayersResult(
    PlayersPlan Plan,
    DateTimeOffset Started,
    TimeSpan Took,
    IReadOnlyList<PlayerLatency> Latency,
    IReadOnlyList<QualityResult> Quality,
    IReadOnlyList<EncoderCpu> Cpu,
    IReadOnlyList<CodecFanOut> FanOut);
