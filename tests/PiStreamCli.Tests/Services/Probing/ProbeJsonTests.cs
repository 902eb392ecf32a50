using System.Text.Json;
using PiStream.Services.Detection;
using PiStream.Services.Probing;
using Xunit;
using static PiStream.Tests.Services.Probing.ProbeSamples;

namespace PiStream.Tests.Services.Probing;

/// <summary>The documented shape (docs/probe.md): renaming a field must fail here first.</summary>
public sealed class ProbeJsonTests
{
    [Fact]
    public void Document_has_the_documented_fields_in_camel_case()
    {
        var webcam = new V4l2Device("Cam", "usb-1", ["/dev/video0"], null)
        {
            Nodes = [new V4l2Node("/dev/video0", "uvcvideo", "Cam", ["Video Capture"], [new V4l2PixelFormat("YUYV", "YUYV 4:2:2", [new V4l2FrameSize(640, 480, [30.0])])], null)
            {
                Controls = [new V4l2ControlInfo("brightness", "int", 0, 255, 1, 128, 128, null)],
            }],
        };
        var cameras = new CameraInventory("/usr/bin/rpicam-hello", [new LibcameraCamera(0, "imx219", 3280, 2464, "/base/imx219@10", [new SensorMode("SRGGB10_CSI2P", 640, 480, 206.65)])], "/usr/bin/v4l2-ctl", [webcam]);
        var verdict = VerdictBuilder.Build(Pc, Ffmpeg, cameras, NoI2c, NetworkWithFreePorts);
        var report = new ProbeReport(ProbeReport.CurrentSchemaVersion, Pc, Ffmpeg, cameras, NoI2c, NetworkWithFreePorts, verdict);

        using var json = JsonDocument.Parse(ProbeJson.Serialize(report));
        var root = json.RootElement;

        Assert.Equal(["schemaVersion", "platform", "ffmpeg", "cameras", "panTilt", "network", "verdict"], Names(root));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(["os", "kernel", "architecture", "processArchitecture", "piModel", "dotnet", "isRaspberryPi"], Names(root.GetProperty("platform")));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("platform").GetProperty("piModel").ValueKind);
        Assert.Equal(["path", "version", "encoders", "found"], Names(root.GetProperty("ffmpeg")));
        Assert.True(root.GetProperty("ffmpeg").GetProperty("encoders").GetProperty("mpeg1video").GetBoolean());
        var camerasJson = root.GetProperty("cameras");
        Assert.Equal(["libcameraTool", "libcameraCameras", "v4l2Tool", "v4l2Devices"], Names(camerasJson));
        var camera = camerasJson.GetProperty("libcameraCameras")[0];
        Assert.Equal(["index", "sensor", "maxWidth", "maxHeight", "devicePath", "modes", "controls"], Names(camera));
        Assert.Equal(["options", "focusMotor", "sensorHdr", "monochrome"], Names(camera.GetProperty("controls")));
        Assert.Equal(206.65, camera.GetProperty("modes")[0].GetProperty("fps").GetDouble());
        var device = camerasJson.GetProperty("v4l2Devices")[0];
        Assert.Equal(["name", "bus", "videoNodes", "skipReason", "nodes", "captureNode", "isCamera"], Names(device));
        var node = device.GetProperty("nodes")[0];
        Assert.Equal(["path", "driver", "card", "deviceCaps", "formats", "skipReason", "controls"], Names(node));
        Assert.Equal(["name", "type", "min", "max", "step", "default", "value", "valueText", "flags", "menu"], Names(node.GetProperty("controls")[0]));
        Assert.Equal(["fourCc", "description", "sizes"], Names(node.GetProperty("formats")[0]));
        Assert.Equal(["width", "height", "fps", "minWidth", "minHeight", "isRange"], Names(node.GetProperty("formats")[0].GetProperty("sizes")[0]));
        Assert.Equal(["i2cBuses", "hat"], Names(root.GetProperty("panTilt")));
        Assert.Equal(["bus", "busPath", "address", "busPresent", "answers", "panDegrees", "tiltDegrees", "error"], Names(root.GetProperty("panTilt").GetProperty("hat")));
        Assert.Equal(["interfaces", "pageUrls", "ports"], Names(root.GetProperty("network")));
        Assert.Equal(["port", "purpose", "free", "problem"], Names(root.GetProperty("network").GetProperty("ports")[0]));
        var verdictJson = root.GetProperty("verdict");
        Assert.Equal(["canServe", "blocker", "source", "sourceReason", "usesTestPattern", "panTilt", "panTiltReason", "findings", "codec", "encoder", "encoderReason"], Names(verdictJson));
        Assert.Equal("none", verdictJson.GetProperty("blocker").GetString());
        Assert.Equal("libcamera:0", verdictJson.GetProperty("source").GetString());
        Assert.Equal(["area", "problem", "fix", "blocking"], Names(verdictJson.GetProperty("findings")[0]));
    }

    [Fact]
    public void Blocker_is_a_camel_case_string()
    {
        var verdict = VerdictBuilder.Build(Pc, NoFfmpeg, NoCameras, NoI2c, NetworkWithFreePorts);
        var report = new ProbeReport(1, Pc, NoFfmpeg, NoCameras, NoI2c, NetworkWithFreePorts, verdict);

        using var json = JsonDocument.Parse(ProbeJson.Serialize(report));

        Assert.Equal("missingDependency", json.RootElement.GetProperty("verdict").GetProperty("blocker").GetString());
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
