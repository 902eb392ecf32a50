using PiStream.Services.Broadcast;
using PiStream.Services.Muxing;
using Xunit;

namespace PiStream.Tests.Services.Muxing;

/// <summary>A muxer's queue of H.264 access units: never waits, starts and resumes at keyframes, notices new parameter sets.</summary>
public sealed class AccessUnitQueueTests
{
    private static readonly byte[] Sps = [0, 0, 0, 1, 0x67, 0x42, 0xC0, 0x1E];
    private static readonly byte[] OtherSps = [0, 0, 0, 1, 0x67, 0x42, 0xC0, 0x28];
    private static readonly byte[] Pps = [0, 0, 0, 1, 0x68, 0xCE, 0x3C, 0x80];
    private readonly StreamMessagePool _pool = new();

    [Fact]
    public async Task Passes_pictures_on_from_the_first_keyframe_in_order()
    {
        var queue = new AccessUnitQueue(8);
        Offer(queue, Delta(1));
        Offer(queue, Key(Sps, 2));
        Offer(queue, Delta(3));
        Offer(queue, Delta(4));

        var written = await CopyAsync(queue, expectedBytes: Key(Sps, 2).Length + 2 * Delta(3).Length);

        Assert.Equal([.. Key(Sps, 2), .. Delta(3), .. Delta(4)], written);
        Assert.Equal(1, queue.Dropped);
    }

    [Fact]
    public async Task After_a_full_queue_drops_everything_up_to_the_next_keyframe_without_waiting()
    {
        var queue = new AccessUnitQueue(2);
        Offer(queue, Key(Sps, 1));
        Offer(queue, Delta(2));
        Offer(queue, Delta(3)); // full: dropped, and so is every picture that refers to it
        Offer(queue, Delta(4));

        var first = await CopyAsync(queue, expectedBytes: Key(Sps, 1).Length + Delta(2).Length);
        Offer(queue, Delta(5));
        Offer(queue, Key(Sps, 6));
        Offer(queue, Delta(7));
        var second = await CopyAsync(queue, expectedBytes: Key(Sps, 6).Length + Delta(7).Length);

        Assert.Equal([.. Key(Sps, 1), .. Delta(2)], first);
        Assert.Equal([.. Key(Sps, 6), .. Delta(7)], second);
        Assert.Equal(3, queue.Dropped);
    }

    [Fact]
    public async Task A_keyframe_with_other_parameter_sets_ends_the_copy_and_starts_the_next_one()
    {
        var queue = new AccessUnitQueue(8);
        Offer(queue, Key(Sps, 1));
        Offer(queue, Delta(2));
        Offer(queue, Key(Sps, 3)); // the same parameter sets: the copy goes on
        Offer(queue, Key(OtherSps, 4)); // the encoder restarted with other settings

        using var first = new MemoryStream();
        var changed = await queue.CopyToAsync(first, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(changed);
        Assert.Equal([.. Key(Sps, 1), .. Delta(2), .. Key(Sps, 3)], first.ToArray());

        var second = await CopyAsync(queue, expectedBytes: Key(OtherSps, 4).Length);
        Assert.Equal(Key(OtherSps, 4), second);
        Assert.Equal(0, queue.Dropped);
    }

    [Fact]
    public void Every_reference_it_took_is_released_when_it_discards()
    {
        var queue = new AccessUnitQueue(4);
        var key = Message(Key(Sps, 1), isKeyframe: true);
        queue.Offer(key);
        queue.Discard();
        key.Release();

        Assert.Same(key, _pool.Rent()); // back in the pool: no reference was left behind
    }

    private static byte[] Key(byte[] sps, byte mark) => [.. sps, .. Pps, 0, 0, 0, 1, 0x65, 0x88, mark];

    private static byte[] Delta(byte mark) => [0, 0, 0, 1, 0x41, 0x9A, mark];

    private static async Task<byte[]> CopyAsync(AccessUnitQueue queue, int expectedBytes)
    {
        using var output = new MemoryStream();
        using var stop = new CancellationTokenSource();
        var copying = queue.CopyToAsync(output, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (output.Length < expectedBytes && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copying);
        return output.ToArray();
    }

    private void Offer(AccessUnitQueue queue, byte[] accessUnit)
    {
        var message = Message(accessUnit, isKeyframe: accessUnit[4] == 0x67);
        queue.Offer(message);
        message.Release();
    }

    private StreamMessage Message(byte[] accessUnit, bool isKeyframe)
    {
        var message = _pool.Rent();
        message.Append(accessUnit);
        message.Complete(isKeyframe);
        return message;
    }
}
