using PiStream.Services.Detection;
using PiStream.Tests;

namespace PiStream.Tests.Services.Detection;

/// <summary><c>v4l2-ctl --list-ctrls-menus</c> as v4l-utils 1.22 prints it (its format strings), for a UVC webcam.</summary>
public sealed class V4l2ControlListParserTests
{
    [Fact]
    public void A_uvc_webcams_controls_are_read_with_ranges_defaults_values_flags_and_menus()
    {
        var controls = V4l2ControlListParser.Parse(TestFixtures.Read("v4l2/usb-webcam/video0-ctrls.txt"));

        Assert.Equal(17, controls.Count);
        var brightness = controls[0];
        Assert.Equal(("brightness", "int", 0L, 255L, 1L, 128L, 128L), (brightness.Name, brightness.Type, brightness.Min!.Value, brightness.Max!.Value, brightness.Step!.Value, brightness.Default!.Value, brightness.Value!.Value));
        Assert.Equal((null, 0, 0), (brightness.ValueText, brightness.Flags.Count, brightness.Menu.Count));
        var automatic = controls.Single(c => c.Name == "white_balance_automatic");
        Assert.Equal(("bool", (long?)null, (long?)null, (long?)1, (long?)1), (automatic.Type, automatic.Min, automatic.Max, automatic.Default, automatic.Value));
        var temperature = controls.Single(c => c.Name == "white_balance_temperature");
        Assert.Equal((2000L, 6500L, 4000L), (temperature.Min!.Value, temperature.Max!.Value, temperature.Value!.Value));
        Assert.Equal(["inactive"], temperature.Flags);
        var pan = controls.Single(c => c.Name == "pan_absolute");
        Assert.Equal((-36000L, 36000L, 3600L), (pan.Min!.Value, pan.Max!.Value, pan.Step!.Value));

        var powerLine = controls.Single(c => c.Name == "power_line_frequency");
        Assert.Equal(("menu", 2L, "60 Hz"), (powerLine.Type, powerLine.Value!.Value, powerLine.ValueText));
        Assert.Equal([new V4l2MenuItem(0, "Disabled"), new V4l2MenuItem(1, "50 Hz"), new V4l2MenuItem(2, "60 Hz")], powerLine.Menu);
        var exposure = controls.Single(c => c.Name == "auto_exposure");
        Assert.Equal([new V4l2MenuItem(1, "Manual Mode"), new V4l2MenuItem(3, "Aperture Priority Mode")], exposure.Menu); // indexes skip
        Assert.Equal("Aperture Priority Mode", exposure.ValueText);
        Assert.Empty(controls.Single(c => c.Name == "zoom_absolute").Menu);
    }

    [Fact]
    public void Other_control_types_and_several_flags_are_read_too()
    {
        var output = string.Join('\n',
            "",
            "Codec Controls",
            "",
            "                 video_bitrate_mode 0x009909ce (menu)   : min=0 max=1 default=0 value=0 (Variable Bitrate) flags=update",
            "                      video_bitrate 0x009909cf (int)    : min=25000 max=25000000 step=25000 default=10000000 value=10000000",
            "                       link_freq 0x009f0901 (intmenu): min=0 max=0 default=0 value=0 (456000000 0x1b2e0200) flags=read-only",
            "\t\t\t\t0: 456000000 (0x1b2e0200)",
            "                     pixel_rate 0x009f0902 (int64)  : min=1 max=2147483647 step=1 default=1 value=182400000 flags=read-only, volatile",
            "               force_key_frame 0x009909e5 (button) : value=0 flags=write-only, execute-on-write",
            "                    test_bitmask 0x00981908 (bitmask): max=0x0000000f default=0x00000005 value=0x00000001",
            "                      test_string 0x00981909 (str)    : min=2 max=4 step=1 value='abc'");

        var controls = V4l2ControlListParser.Parse(output);

        Assert.Equal(["video_bitrate_mode", "video_bitrate", "link_freq", "pixel_rate", "force_key_frame", "test_bitmask", "test_string"], controls.Select(c => c.Name));
        Assert.Equal(["update"], controls[0].Flags);
        Assert.Equal([new V4l2MenuItem(0, "456000000 (0x1b2e0200)")], controls[2].Menu);
        Assert.Equal(("int64", 182400000L), (controls[3].Type, controls[3].Value!.Value));
        Assert.Equal(["read-only", "volatile"], controls[3].Flags);
        Assert.Equal("button", controls[4].Type);
        Assert.Equal(["write-only", "execute-on-write"], controls[4].Flags);
        Assert.Equal((15L, 5L, 1L), (controls[5].Max!.Value, controls[5].Default!.Value, controls[5].Value!.Value));
        Assert.Equal(("str", (long?)null, "abc"), (controls[6].Type, controls[6].Value, controls[6].ValueText));
    }

    [Fact]
    public void Output_without_controls_gives_none()
    {
        Assert.Empty(V4l2ControlListParser.Parse(""));
        Assert.Empty(V4l2ControlListParser.Parse("Cannot open device /dev/video0, exiting.\n"));
    }
}
