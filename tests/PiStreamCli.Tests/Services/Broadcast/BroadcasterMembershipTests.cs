using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Broadcast;

/// <summary>The viewer count and the viewer list stay right when connections fail early or no frame flows.</summary>
public sealed class BroadcasterMembershipTests
{
    private static readonly ViewerOptions Options = new(16, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_connection_that_fails_before_its_header_is_never_counted()
    {
        var broadcaster = new Broadcaster(new StreamStats());
        var socket = WebSocket.CreateFromStream(new StalledStream(acceptedWrites: 0), true, null, Timeout.InfiniteTimeSpan);
        socket.Abort();
        var viewer = new Viewer(socket, "reset", Options, NullLogger.Instance);

        await viewer.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        broadcaster.Leave(viewer);
        broadcaster.Leave(viewer);

        Assert.False(viewer.HasJoined);
        Assert.Equal(0, broadcaster.ViewerCount);
    }

    [Fact]
    public async Task Joins_and_leaves_during_an_outage_are_settled_by_reset()
    {
        var broadcaster = new Broadcaster(new StreamStats());
        using var stop = new CancellationTokenSource();
        var staying = NewViewer("staying");
        var leaving = NewViewer("leaving");
        var runs = new[] { staying, leaving }.Select(viewer => viewer.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, stop.Token)).ToArray();
        while (broadcaster.ViewerCount < 2)
        {
            await Task.Delay(10);
        }

        broadcaster.Leave(leaving);
        broadcaster.Reset();

        Assert.Equal(["staying"], broadcaster.Viewers.Select(viewer => viewer.Remote));
        Assert.Equal(1, broadcaster.ViewerCount);
        await stop.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static Viewer NewViewer(string name) =>
        new(WebSocket.CreateFromStream(new StalledStream(int.MaxValue), true, null, Timeout.InfiniteTimeSpan), name, Options, NullLogger.Instance);
}
