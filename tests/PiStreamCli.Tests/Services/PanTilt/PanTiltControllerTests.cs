using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PiStream.Services.PanTilt;
using Xunit;

namespace PiStream.Tests.Services.PanTilt;

/// <summary>The controller's "latest target wins" loop, on simulated time so sweeps last exactly as long as the test says.</summary>
public sealed class PanTiltControllerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly RecordingPanTiltDevice _device = new();
    private readonly FakeTimeProvider _time = new();
    private readonly Channel<Orientation> _moves = Channel.CreateUnbounded<Orientation>();
    private readonly PanTiltController _controller;

    public PanTiltControllerTests()
    {
        var hat = new PanTiltHat(_device, PanTiltHatOptions.Default with { RetryDelay = TimeSpan.Zero }, _time);
        _controller = new PanTiltController(hat, true, new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default), _time, NullLogger<PanTiltController>.Instance);
        _controller.Moved += orientation => _moves.Writer.TryWrite(orientation);
    }

    [Fact]
    public void Starts_from_where_the_servos_point()
    {
        Assert.Equal(new Orientation(0, 0), _controller.Orientation);
        Assert.Equal(["R 01 -> 2", "R 03 -> 2"], _device.Transactions);
    }

    [Fact]
    public async Task A_burst_of_moves_during_a_sweep_ends_in_one_move_to_the_latest()
    {
        _controller.Request(new Orientation(1, null));
        Assert.Equal(new Orientation(1, 0), await NextMoveAsync()); // written; now sweeping for 0.1 s of simulated time

        for (var pan = 2; pan <= 50; pan++)
        {
            Assert.Equal(new Orientation(pan, 0), _controller.Request(new Orientation(pan, null)));
        }

        Assert.Equal(new Orientation(50, 0), _controller.Orientation);
        Assert.Equal(["W 01 B3 05"], PanWrites()); // 575 + 1750 * 91 / 180 = 1459: nothing else yet, the servo is still sweeping

        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(new Orientation(50, 0), await NextMoveAsync());
        Assert.Equal(["W 01 B3 05", "W 01 90 07"], PanWrites()); // 575 + 1750 * 140 / 180 = 1936
    }

    [Fact]
    public async Task A_partial_move_keeps_the_other_axis()
    {
        _controller.Request(new Orientation(null, -30));

        Assert.Equal(new Orientation(0, -30), await NextMoveAsync());
        Assert.Equal(new Orientation(0, -30), _controller.Orientation);
        Assert.Equal(["W 00 02", "W 03 86 04"], _device.Transactions.Skip(2));
    }

    [Fact]
    public void A_bad_angle_is_rejected_and_nothing_is_queued()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _controller.Request(new Orientation(10, 120)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _controller.Request(new Orientation(double.NaN, null)));

        Assert.Equal(new Orientation(0, 0), _controller.Orientation);
        Assert.False(_moves.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_device_error_is_reported_and_the_next_move_still_works()
    {
        _device.FailNext(int.MaxValue);
        _controller.Request(new Orientation(20, null));
        await WaitUntilAsync(() => _controller.Status().Error is not null);
        Assert.Contains("did not answer", _controller.Status().Error);

        _device.FailNext(0);
        _time.Advance(TimeSpan.FromSeconds(1));
        _controller.Request(new Orientation(25, null));

        Assert.Equal(new Orientation(25, 0), await NextMoveAsync());
        Assert.Null(_controller.Status().Error);
    }

    [Fact]
    public async Task A_failing_listener_does_not_stop_the_loop()
    {
        _controller.Moved += _ => throw new InvalidOperationException("a page listener broke");
        _controller.Request(new Orientation(10, null));
        Assert.Equal(new Orientation(10, 0), await NextMoveAsync());

        _time.Advance(TimeSpan.FromSeconds(1));
        _controller.Request(new Orientation(-10, null));

        Assert.Equal(new Orientation(-10, 0), await NextMoveAsync());
    }

    [Fact]
    public async Task Disposing_during_a_sweep_stops_at_once_and_disables_the_servos()
    {
        _controller.Request(new Orientation(90, 90));
        await NextMoveAsync(); // the loop now waits for a sweep that simulated time never finishes

        await _controller.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Equal("W 00 00", _device.Transactions[^1]);
        Assert.True(_device.IsDisposed);
    }

    public ValueTask DisposeAsync() => _controller.DisposeAsync();

    private string[] PanWrites() => _device.Transactions.Where(t => t.StartsWith("W 01", StringComparison.Ordinal)).ToArray();

    private async Task<Orientation> NextMoveAsync() => await _moves.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
