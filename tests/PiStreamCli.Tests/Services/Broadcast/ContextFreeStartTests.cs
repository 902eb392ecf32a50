using PiStream.Services.Broadcast;

namespace PiStream.Tests.Services.Broadcast;

public sealed class ContextFreeStartTests
{
    private static readonly AsyncLocal<string?> Request = new();

    [Fact]
    public async Task The_loop_does_not_see_the_callers_async_locals_and_the_caller_keeps_them()
    {
        Request.Value = "request";
        var seen = "not run";

        await ContextFreeStart.Run(async () =>
        {
            await Task.Yield();
            seen = Request.Value;
        });

        Assert.Null(seen);
        Assert.Equal("request", Request.Value);
        Assert.False(ExecutionContext.IsFlowSuppressed());
    }

    [Fact]
    public async Task A_caller_that_already_suppressed_the_flow_can_start_a_loop()
    {
        Task loop;
        using (ExecutionContext.SuppressFlow())
        {
            loop = ContextFreeStart.Run(async () => await Task.Yield());
            Assert.True(ExecutionContext.IsFlowSuppressed());
        }

        await loop;
        Assert.False(ExecutionContext.IsFlowSuppressed());
    }
}
