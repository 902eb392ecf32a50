namespace PiStream.Bench;

/// <summary>
/// Fails the run when the harness itself is broken (nothing measured, frame times missing), never because
/// a number missed its target: CI runs the quick mode on a noisy machine.
/// </summary>
internal static class HarnessCheck
{
    public static IReadOnlyList<string> Problems(SuiteResults r)
    {
        var problems = new List<string>();
        if (r.Latency.Runs.Any(run => run.Latency.Count == 0) || r.Latency.ValidationWith.Any(run => run.Latency.Count == 0) || r.Latency.Drift.Latency.Count == 0)
        {
            problems.Add("a browser run read no frame stamp from the canvas");
        }

        if (r.Latency.FirstPictureMs.Length == 0 || r.Latency.FirstPictureMs.Any(ms => ms <= 0))
        {
            problems.Add("no first-picture time was recorded");
        }

        if (r.FanOut.Any(f => f.MeanFps <= 0) || r.Burst.MeanFps <= 0)
        {
            problems.Add("a fan-out viewer received no frames");
        }

        if ((!r.Plan.Quick && r.FanOut.Any(f => f.Delay.Count == 0)) || r.Isolation.With.Count == 0)
        {
            problems.Add("no delivery delay was measured (--bench-timestamps messages missing)");
        }

        if (r.StartupMs.Length == 0)
        {
            problems.Add("no start-up time was measured");
        }

        return problems;
    }
}
