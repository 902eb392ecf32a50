using PiStream.Services.Systemd;

namespace PiStream.Tests.Services.Systemd;

public sealed class NotifySocketTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_notification_is_one_datagram_on_a_socket_file()
    {
        using var listener = NotifyListener.AtPath();
        using var socket = NotifySocket.From(listener.Address)!;

        Assert.True(socket.TrySend("READY=1\nSTATUS=Streaming"));

        Assert.Equal("READY=1\nSTATUS=Streaming", await listener.ReceiveAsync(Timeout));
    }

    [Fact]
    public async Task An_at_sign_names_an_abstract_socket()
    {
        using var listener = NotifyListener.Abstract();
        using var socket = NotifySocket.From(listener.Address)!;

        Assert.True(socket.TrySend("WATCHDOG=1"));

        Assert.Equal("WATCHDOG=1", await listener.ReceiveAsync(Timeout));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("relative/path.sock")]
    [InlineData("vsock:2:1234")]
    public void Without_a_usable_address_there_is_no_socket(string? address)
    {
        Assert.Null(NotifySocket.From(address));
    }

    [Fact]
    public void A_socket_nobody_listens_on_is_no_error()
    {
        using var socket = NotifySocket.From($"/tmp/pistream-nobody-{Guid.NewGuid():N}.sock")!;

        Assert.False(socket.TrySend("READY=1"));
    }
}
