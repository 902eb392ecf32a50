namespace PiStream.Services.Processes;

/// <summary>What a short-lived tool printed, and how it ended.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
