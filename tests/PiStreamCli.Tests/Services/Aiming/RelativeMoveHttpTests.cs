using System.Net;
using PiStream.Services.Aiming;
using PiStream.Services.Capture;
using PiStream.Services.PanTilt;
using PiStream.Tests.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Aiming;

/// <summary>Relative moves and click-to-point through <c>/do_orient</c> on a real server with the simulated HAT.</summary>
public sealed class RelativeMoveHttpTests
{
    [Fact]
    public async Task Pan_by_and_tilt_by_add_to_the_latest_target_and_clamp()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        await server.Http.GetAsync("do_orient?pan=10&tilt=-5");

        Assert.Equal("""{"pan":15,"tilt":-8}""", await server.Http.GetStringAsync("do_orient?pan_by=5&tilt_by=-3"));
        Assert.Equal("""{"pan":90,"tilt":-8}""", await server.Http.GetStringAsync("do_orient?pan_by=100"));
        Assert.Equal("""{"pan":90,"tilt":-90}""", await server.Http.GetStringAsync("do_orient?tilt_by=-180"));
        await server.WaitForMoveAsync(new Orientation(90, -90));
    }

    [Fact]
    public async Task A_point_of_the_picture_turns_by_the_field_of_view()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        Assert.Contains("\"aim\":{\"horizontal\":62.2,\"vertical\":48.8,\"source\":\"assumed for the test pattern", await server.Http.GetStringAsync("api/status"));

        Assert.Equal("""{"pan":31.1,"tilt":0}""", await server.Http.GetStringAsync("do_orient?x=1&y=0.5"));
        // Relative to the first move: 31.1 - atan(0.5 tan 31.1) = 31.1 - 16.78, and atan(0.5 tan 24.4) = 12.78 up.
        Assert.Equal("""{"pan":14.32,"tilt":12.78}""", await server.Http.GetStringAsync("do_orient?x=0.25&y=0.25"));
    }

    [Theory]
    [InlineData("pan=10&pan_by=5", "not a mix")]
    [InlineData("tilt_by=1&x=0.5&y=0.5", "not a mix")]
    [InlineData("x=0.5", "Give both x and y")]
    [InlineData("x=1.5&y=0.5", "x 1.5 is out of range")]
    [InlineData("pan_by=181", "pan_by 181 is out of range")]
    [InlineData("pan_by=1e2", "pan_by '1e2' is not a number")]
    [InlineData("tilt_by=1&tilt_by=2", "tilt_by is given 2 times")]
    public async Task Mixed_or_bad_values_are_400_and_nothing_moves(string query, string expected)
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);

        var answer = await server.Http.GetAsync($"do_orient?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(expected, await answer.Content.ReadAsStringAsync());
        Assert.Equal("""{"pan":0,"tilt":0}""", await server.Http.GetStringAsync("api/orientation"));
    }

    [Fact]
    public void The_field_of_view_options_override_the_sensor()
    {
        Assert.Equal(new FieldOfView(62.2, 48.8, "Camera Module v2 (imx219)"), new AimSettings().Resolve("imx219").FieldOfView);
        Assert.Equal(new FieldOfView(90, 60, "--hfov/--vfov"), new AimSettings(90, 60).Resolve("imx219").FieldOfView);
        Assert.Equal((90.0, 41.4), (new AimSettings(90).Resolve("ov5647").Horizontal, new AimSettings(90).Resolve("ov5647").Vertical));
        Assert.Equal(new FieldOfView(50, 40, "--hfov/--vfov"), new AimSettings(50, 40).Resolve("imx477").FieldOfView);
        Assert.Equal(FieldOfView.Assumed, new AimSettings().Resolve(null, testPattern: true).FieldOfView);
    }

    [Theory]
    [InlineData("imx477", null, null, "the HQ Camera (imx477) takes interchangeable lenses")]
    [InlineData("imx296", null, null, "the Global Shutter Camera (imx296) takes interchangeable lenses")]
    [InlineData("imx519", null, null, "pistream does not know the field of view of sensor imx519")]
    [InlineData(null, null, null, "pistream cannot tell for this source")]
    [InlineData("imx477", 50.0, null, "give both options, start serve with --hfov DEG --vfov DEG")]
    public void Lens_dependent_or_unknown_cameras_have_no_field_of_view_and_the_reason_names_the_options(string? sensor, double? horizontal, double? vertical, string reason)
    {
        var aim = new AimSettings(horizontal, vertical).Resolve(sensor);

        Assert.False(aim.ClickToPoint);
        Assert.Null(aim.FieldOfView);
        Assert.Contains(reason, aim.Source);
        Assert.Contains("--hfov DEG --vfov DEG", aim.Source);
    }

    [Fact]
    public async Task Without_a_field_of_view_click_to_point_is_409_naming_the_options_and_nudges_still_work()
    {
        var settings = TestServer.Settings with { Source = new SourceSpec(SourceKind.Exec, "exec ffmpeg -v error -re -f lavfi -i testsrc2=size=640x480:rate=24 -pix_fmt yuv420p -f rawvideo pipe:1") };
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim, settings: settings);
        var status = await server.Http.GetStringAsync("api/status");
        Assert.Contains("\"aim\":{\"horizontal\":null,\"vertical\":null,\"source\":\"click-to-point needs the camera", status);
        Assert.Contains("\"clickToPoint\":false", status);

        var answer = await server.Http.GetAsync("do_orient?x=0.75&y=0.25");

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("Click-to-point is off: ", await answer.Content.ReadAsStringAsync());
        Assert.Contains("start serve with --hfov DEG --vfov DEG", await answer.Content.ReadAsStringAsync());
        Assert.Equal("""{"pan":0,"tilt":0}""", await server.Http.GetStringAsync("api/orientation"));
        Assert.Equal("""{"pan":2,"tilt":0}""", await server.Http.GetStringAsync("do_orient?pan_by=2"));
    }

    [Fact]
    public async Task With_hfov_and_vfov_an_unknown_camera_can_point()
    {
        var settings = TestServer.Settings with { Source = new SourceSpec(SourceKind.Exec, "exec ffmpeg -v error -re -f lavfi -i testsrc2=size=640x480:rate=24 -pix_fmt yuv420p -f rawvideo pipe:1"), Aim = new AimSettings(90, 90) };
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim, settings: settings);

        // atan((2 * 1 - 1) * tan 45) = 45: the right edge of a 90 degree picture.
        Assert.Equal("""{"pan":45,"tilt":0}""", await server.Http.GetStringAsync("do_orient?x=1&y=0.5"));
        Assert.Contains("\"clickToPoint\":true", await server.Http.GetStringAsync("api/status"));
    }
}
