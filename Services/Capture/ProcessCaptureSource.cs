using Microsoft.Extensions.Logging;
using PiStream.Services.Processes;

namespace PiStream.Services.Capture;

/// <summary>
/// A capture source that is another program writing raw yuv420p frames to stdout: rpicam-vid for a
/// Pi camera, ffmpeg for a webcam or a file, or the user's own exec: command. Row padding in its
/// output (<see cref="PlaneLayout"/>) is stripped before the frame goes on.
/// </summary>
internal sealed class ProcessCaptureSource(
    string description,
    string fileName,
    IReadOnlyList<string> arguments,
    PlaneLayout layout,
    ILogger logger,
    LogLevel stderrLevel = LogLevel.Warning,
    bool appliesFlips = false) : ICaptureSource
{
    public string Description => description;

    public bool AppliesFlips => appliesFlips;

    public string FileName => fileName;

    public IReadOnlyList<string> Arguments => arguments;

    public PlaneLayout Layout => layout;

    public async Task RunAsync(FrameSink sink, CancellationToken cancellationToken)
    {
        var padded = new byte[layout.PaddedFrameSize];
        var tight = layout.IsTight ? padded : new byte[layout.Width * layout.Height * 3 / 2];
        await using var process = ChildProcess.Start(fileName, arguments, logger, stderrLevel);
        PipeBuffers.Enlarge(process.Output, layout.PaddedFrameSize); // a frame in one read, not one per 64 KiB
        try
        {
            while (true)
            {
                await process.Output.ReadExactlyAsync(padded, cancellationToken);
                if (!layout.IsTight)
                {
                    layout.CopyTight(padded, tight);
                }

                await sink(tight, cancellationToken);
            }
        }
        catch (EndOfStreamException)
        {
            await ((Task)process.WaitForExitAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw new CaptureStoppedException($"{description} stopped: {process.DescribeExit()}");
        }
    }
}
