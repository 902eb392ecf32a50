using PiStream.Services.Broadcast;
using Xunit;

namespace PiStream.Tests.Services.Broadcast;

public sealed class StreamHeaderTests
{
    [Fact]
    public void The_header_for_640x480_is_pistreamings_eight_bytes() =>
        Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0 }, StreamHeader.Create(640, 480));

    [Fact]
    public void A_received_header_gives_back_width_and_height()
    {
        Assert.True(StreamHeader.TryRead([0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0], out var width, out var height));
        Assert.Equal((640, 480), (width, height));
        Assert.True(StreamHeader.TryRead(StreamHeader.Create(4094, 32), out width, out height));
        Assert.Equal((4094, 32), (width, height));
    }

    [Theory]
    [InlineData(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01 })]
    [InlineData(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0, 0x00 })]
    [InlineData(new byte[] { 0x47, 0x40, 0x00, 0x10, 0x02, 0x80, 0x01, 0xE0 })]
    public void Anything_else_is_not_a_header(byte[] message) => Assert.False(StreamHeader.TryRead(message, out _, out _));
}
