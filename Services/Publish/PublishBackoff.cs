namespace PiStream.Services.Publish;

/// <summary>How long a target waits before its next attempt: 1 s after the first failure, doubling to at most 30 s, forever.</summary>
internal static class PublishBackoff
{
    public static TimeSpan First { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan Longest { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after <paramref name="failures"/> failed attempts in a row (1 or more).</summary>
    public static TimeSpan Delay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doublings = Math.Min(failures - 1, 5);
        var delay = First * (1 << doublings);
        return delay < Longest ? delay : Longest;
    }
}
