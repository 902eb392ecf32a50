using Microsoft.Extensions.Logging;
using PiStream.Services.Processes;

namespace PiStream.Services.Recording;

/// <summary>
/// Runs one recording: starts ffmpeg with <see cref="RecorderArguments"/>, lets a feed write the input
/// into its stdin, and reports ffmpeg's progress. It ends when the duration is reached (ffmpeg exits),
/// the token is cancelled (Ctrl+C, SIGTERM), the feed fails, or ffmpeg fails (a full disk); in each case
/// the feed is stopped first and then ffmpeg's stdin is closed, so ffmpeg finishes a playable file.
/// </summary>
internal sealed class Recorder(string ffmpegPath, ILogger<Recorder> logger)
{
    /// <summary>How long ffmpeg gets to finish the file after its input ends.</summary>
    public static readonly TimeSpan FinishGrace = TimeSpan.FromSeconds(5);

    /// <summary>Writes the recording's input into ffmpeg's stdin until cancelled; throwing means the source failed.</summary>
    public delegate Task Feed(Stream ffmpegInput, CancellationToken cancellationToken);

    public async Task<RecordingResult> RunAsync(RecorderSettings settings, Feed feed, Action<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        await using var process = ChildProcess.Start(ffmpegPath, RecorderArguments.Build(settings), logger);
        var last = RecordingProgress.None;
        var progressTask = ReadProgressAsync(process.Output, update =>
        {
            Volatile.Write(ref last, update);
            progress(update);
        });

        using var feeding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feedTask = feed(process.Input, feeding.Token);
        var exit = process.WaitForExitAsync(CancellationToken.None);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => stop.TrySetResult()))
        {
            await Task.WhenAny(feedTask, exit, stop.Task);
        }

        await feeding.CancelAsync();
        await feedTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await process.StopAsync(FinishGrace);
        await progressTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var recorded = Volatile.Read(ref last);
        if (recorded.Bytes == 0 && File.Exists(settings.OutputPath))
        {
            recorded = recorded with { Bytes = new FileInfo(settings.OutputPath).Length };
        }

        var exitCode = await exit;
        var result = Classify(process, exitCode, feedTask, cancellationToken.IsCancellationRequested, recorded);
        logger.LogDebug("Recording {Path} ended: {Outcome} {Detail}", settings.OutputPath, result.Outcome, result.Detail);
        return result;
    }

    private static RecordingResult Classify(ChildProcess process, int exitCode, Task feedTask, bool cancelled, RecordingProgress recorded)
    {
        var errors = process.LastErrorLines();
        if (FailureText.IsDiskFull(errors))
        {
            return new RecordingResult(RecordingOutcome.DiskFull, recorded, errors);
        }

        // Ctrl+C on a terminal also reaches ffmpeg and the camera process: their ending is then no failure.
        if (cancelled)
        {
            return new RecordingResult(RecordingOutcome.Stopped, recorded);
        }

        var sourceError = feedTask.Exception?.GetBaseException();
        if (sourceError is not null and not IOException and not OperationCanceledException)
        {
            return new RecordingResult(RecordingOutcome.SourceFailed, recorded, sourceError.Message, sourceError);
        }

        return exitCode == 0
            ? new RecordingResult(RecordingOutcome.Completed, recorded)
            : new RecordingResult(RecordingOutcome.EncoderFailed, recorded, process.DescribeExit());
    }

    private static async Task ReadProgressAsync(Stream output, Action<RecordingProgress> report)
    {
        await Task.Yield();
        var parser = new FfmpegProgressParser();
        using var reader = new StreamReader(output);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (parser.Push(line) is { } update)
            {
                report(update);
            }
        }
    }
}
