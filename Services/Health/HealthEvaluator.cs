using System.Globalization;

namespace PiStream.Services.Health;

/// <summary>
/// Decides whether frames flow, for /healthz: healthy while both the capture and the live encoder delivered a
/// frame within <see cref="StaleAfter"/> (three frame intervals, at least 2 s); otherwise unhealthy with a reason
/// that names the part that stopped and the pipeline's last failure. Before the first frame, serve is "starting"
/// (unhealthy) for up to <see cref="StartupGrace"/>, then the capture is reported as down.
/// </summary>
internal static class HealthEvaluator
{
    public static readonly TimeSpan StartupGrace = TimeSpan.FromSeconds(10);

    public static TimeSpan StaleAfter(TimeSpan frameInterval) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(2).Ticks, frameInterval.Ticks * 3));

    public static HealthReport Evaluate(HealthInputs inputs)
    {
        var limit = StaleAfter(inputs.FrameInterval);
        var failure = inputs.LastFailure is { Length: > 0 } text ? $"; last failure: {text}" : "";
        if (inputs.SinceCapturedFrame is null)
        {
            return inputs.Uptime < StartupGrace
                ? new HealthReport(false, $"starting: waiting for the first frame from {inputs.Source}{failure}")
                : new HealthReport(false, $"capture down: {inputs.Source} has sent no frame since start ({Seconds(inputs.Uptime)}){failure}");
        }

        if (inputs.SinceCapturedFrame > limit)
        {
            return new HealthReport(false, $"capture down: {inputs.Source} sent no frame for {Seconds(inputs.SinceCapturedFrame.Value)}{failure}");
        }

        if (inputs.SinceEncodedFrame is null && inputs.Uptime < StartupGrace)
        {
            return new HealthReport(false, $"starting: waiting for the encoder's first frame{failure}");
        }

        if (inputs.SinceEncodedFrame is null || inputs.SinceEncodedFrame > limit)
        {
            var since = inputs.SinceEncodedFrame is { } age ? $"for {Seconds(age)}" : "since start";
            return new HealthReport(false, $"encoder down: frames are captured but the live encoder produced none {since}{failure}");
        }

        return new HealthReport(true, $"ok: frames flow (last captured {Seconds(inputs.SinceCapturedFrame.Value)} ago, last encoded {Seconds(inputs.SinceEncodedFrame.Value)} ago)");
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
