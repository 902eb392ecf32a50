namespace PiStream.Bench;

/// <summary>Wall-clock time in Unix milliseconds with sub-millisecond digits (the server's frame times use the same clock).</summary>
internal static class UnixTime
{
    public static double NowMs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10_000.0;
}
