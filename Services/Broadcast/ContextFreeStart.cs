namespace PiStream.Services.Broadcast;

/// <summary>
/// Starts a long-running loop without the caller's execution context (its async-locals: a request, logging scopes).
/// The broadcast path runs viewers' send loops inline, and a loop that carries a context has it restored around every
/// continuation, that is around every frame for every viewer. Works whether or not the caller already suppressed the flow.
/// </summary>
internal static class ContextFreeStart
{
    public static Task Run(Func<Task> loop)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return loop();
        }

        using (ExecutionContext.SuppressFlow())
        {
            return loop();
        }
    }
}
