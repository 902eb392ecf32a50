using PiStream.Services.Lights;

namespace PiStream.Tests.Services.Lights;

/// <summary>pistreaming's <c>/do_light?N=R,G,B,W</c> query, read strictly.</summary>
public sealed class LightQueryTests
{
    [Fact]
    public void Several_pairs_are_read_in_order()
    {
        Assert.True(LightQuery.TryParse("?-1=0,0,0,0&3=255,128,0,7", 8, out var changes, out _));

        Assert.Equal([new LightChange(LightChange.All, LightColor.Off), new LightChange(3, new LightColor(255, 128, 0, 7))], changes);
    }

    [Fact]
    public void Percent_encoded_commas_are_accepted()
    {
        Assert.True(LightQuery.TryParse("0=1%2C2%2C3%2C4", 8, out var changes, out _));

        Assert.Equal(new LightColor(1, 2, 3, 4), Assert.Single(changes).Color);
    }

    [Theory]
    [InlineData("", "Give a pixel")]
    [InlineData("8=0,0,0,0", "Pixel 8 does not exist")]
    [InlineData("-2=0,0,0,0", "'-2' is not a pixel")]
    [InlineData("x=0,0,0,0", "'x' is not a pixel")]
    [InlineData("0=0,0,0", "give four numbers")]
    [InlineData("0=0,0,0,0,0", "give four numbers")]
    [InlineData("0", "give four numbers")]
    [InlineData("0=256,0,0,0", "256 is out of range")]
    [InlineData("0=-1,0,0,0", "'-1' is not a whole number")]
    [InlineData("0=1.5,0,0,0", "'1.5' is not a whole number")]
    [InlineData("0=+1,0,0,0", "'+1' is not a whole number")]
    [InlineData("0=, ,0,0", "'' is not a whole number")]
    [InlineData("0=1,2,3,4&9=0,0,0,0", "Pixel 9 does not exist")]
    public void Bad_input_names_the_fix(string query, string expected)
    {
        Assert.False(LightQuery.TryParse(query, 8, out var changes, out var error));

        Assert.Contains(expected, error);
        Assert.Empty(changes);
    }
}
