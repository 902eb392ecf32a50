using PiStream.Services.Health;

namespace PiStream.Tests.Services.Health;

public sealed class HealthEvaluatorTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.0 / 24);

    [Fact]
    public void Fresh_frames_from_capture_and_encoder_are_healthy()
    {
        var report = HealthEvaluator.Evaluate(new HealthInputs(Ms(40), Ms(60), TimeSpan.FromMinutes(5), Interval, "test pattern", "ffmpeg exited (1)"));

        Assert.True(report.Healthy);
        Assert.StartsWith("ok: frames flow", report.Reason);
    }

    [Fact]
    public void A_capture_that_stopped_is_down_with_the_last_failure()
    {
        var report = HealthEvaluator.Evaluate(new HealthInputs(Ms(2500), Ms(2500), TimeSpan.FromMinutes(5), Interval, "exec: ./cam", "exec: ./cam ended"));

        Assert.False(report.Healthy);
        Assert.Equal("capture down: exec: ./cam sent no frame for 2.5 s; last failure: exec: ./cam ended", report.Reason);
    }

    [Fact]
    public void An_encoder_that_stopped_while_frames_are_captured_is_down()
    {
        var report = HealthEvaluator.Evaluate(new HealthInputs(Ms(10), Ms(3000), TimeSpan.FromMinutes(5), Interval, "test pattern", null));

        Assert.False(report.Healthy);
        Assert.Equal("encoder down: frames are captured but the live encoder produced none for 3.0 s", report.Reason);
    }

    [Fact]
    public void Before_the_first_frame_it_is_starting_then_down()
    {
        var starting = HealthEvaluator.Evaluate(new HealthInputs(null, null, TimeSpan.FromSeconds(1), Interval, "test pattern", null));
        var down = HealthEvaluator.Evaluate(new HealthInputs(null, null, TimeSpan.FromSeconds(30), Interval, "test pattern", null));

        Assert.Equal(new HealthReport(false, "starting: waiting for the first frame from test pattern"), starting);
        Assert.Equal(new HealthReport(false, "capture down: test pattern has sent no frame since start (30.0 s)"), down);
    }

    [Theory]
    [InlineData(24, 2000)]
    [InlineData(1, 3000)]
    public void Frames_are_stale_after_three_intervals_and_at_least_two_seconds(int framerate, int expectedMs) =>
        Assert.Equal(Ms(expectedMs), HealthEvaluator.StaleAfter(TimeSpan.FromSeconds(1.0 / framerate)));

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
