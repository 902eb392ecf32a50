using PiStream.Services.Publish;

namespace PiStream.Tests.Services.Publish;

public sealed class PublishBackoffTests
{
    [Fact]
    public void The_wait_starts_at_one_second_and_doubles_to_thirty()
    {
        var waits = Enumerable.Range(1, 9).Select(failures => PublishBackoff.Delay(failures).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30, 30], waits);
    }

    [Fact]
    public void It_never_ends()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), PublishBackoff.Delay(int.MaxValue));
    }
}
