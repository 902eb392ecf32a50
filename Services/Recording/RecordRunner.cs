using System.Globalization;
using Microsoft.Extensions.Logging;
using PiStream.Services.CameraControls;
using PiStream.Services.Capture;
using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.Logging;

namespace PiStream.Services.Recording;

/// <summary>
/// Runs <c>pistream record</c>: checks everything it can before capture starts, records, and explains how it ended
/// on the writers it is given. Knows nothing about the command line: the command maps
/// the <see cref="RecordExit"/> to an exit code.
/// </summary>
internal static class RecordRunner
{
    public const string CameraBusyMessage = "The camera is in use (is pistream serve running?): record its stream with --from http://localhost:8082";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static async Task<RecordExit> RunAsync(RecordRequest request, TextWriter output, TextWriter error, bool isTerminal, CancellationToken cancellationToken)
    {
        using var loggerFactory = ConsoleLogging.Create(LogLevel.Warning);
        string ffmpeg;
        try
        {
            ffmpeg = FfmpegLocator.Require();
        }
        catch (FfmpegNotFoundException e)
        {
            return await FailAsync(error, e.Message, RecordExit.MissingDependency);
        }

        var container = RecordingContainer.FromPath(request.OutputPath);
        var codec = container is null ? null : await CodecAsync(request, container, ffmpeg, cancellationToken);
        if (codec?.Error is { } codecError)
        {
            return await FailAsync(error, codecError, RecordExit.BadInput);
        }

        if (OutputCheck.Check(request.OutputPath, request.Overwrite) is { } problem)
        {
            return await FailAsync(error, problem.Message, problem.IsBadInput ? RecordExit.BadInput : RecordExit.Failed);
        }

        RemoteStream? remote = null;
        try
        {
            Recorder.Feed feed;
            VideoFormat? raw;
            string description;
            if (request.From is { } from)
            {
                remote = await RemoteStream.ConnectAsync(from, ConnectTimeout, cancellationToken);
                feed = remote.FeedAsync;
                raw = null;
                description = $"the stream at {remote.Address} ({remote.Width}x{remote.Height})";
            }
            else
            {
                var spec = await AutoSourceChoice.ResolveAsync(request.Source, CameraDetector.Default, reason => error.WriteLine($"warning: {reason}"), cancellationToken);

                if (request.Controls.IgnoredWarning(spec.Kind == SourceKind.Libcamera, spec.Kind == SourceKind.V4l2) is { } ignored)
                {
                    await error.WriteLineAsync($"warning: {ignored}");
                }

                if (spec.Kind == SourceKind.V4l2)
                {
                    await V4l2ControlApplier.ApplyAsync(spec.Argument ?? "/dev/video0", request.Controls, loggerFactory.CreateLogger<RecordRequest>(), cancellationToken);
                }

                var capture = new CaptureSourceFactory(ffmpeg, loggerFactory, TimeProvider.System)
                    .Create(new CaptureSettings(spec, request.Format, request.HorizontalFlip, request.VerticalFlip) { Controls = request.Controls });
                feed = (input, token) => capture.RunAsync((frame, frameToken) => input.WriteAsync(frame, frameToken), token);
                raw = request.Format;
                description = $"{capture.Description} at {request.Format}";
                request = request with { HorizontalFlip = request.HorizontalFlip && !capture.AppliesFlips, VerticalFlip = request.VerticalFlip && !capture.AppliesFlips };
            }

            var settings = new RecorderSettings(request.OutputPath, container!, codec!.Name!, raw, request.Duration, request.HorizontalFlip, request.VerticalFlip);
            var length = request.Duration is { } duration ? $"for {Seconds(duration)}" : "until Ctrl+C";
            await output.WriteLineAsync($"Recording {description} to {request.OutputPath} ({codec.Describe} in {container!.Name}) {length}.");
            var reporter = new ProgressReporter(output, isTerminal, request.Duration);
            var result = await new Recorder(ffmpeg, loggerFactory.CreateLogger<Recorder>()).RunAsync(settings, feed, reporter.Report, cancellationToken);
            reporter.Complete();
            return await ReportAsync(request, result, output, error);
        }
        catch (CaptureUnavailableException e)
        {
            DeleteIfEmpty(request.OutputPath);
            return await FailAsync(error, e.Message, request.From is null ? RecordExit.MissingDependency : RecordExit.Failed);
        }
        catch (CameraControlException e)
        {
            DeleteIfEmpty(request.OutputPath);
            return await FailAsync(error, e.Message, e.ToolMissing ? RecordExit.MissingDependency : RecordExit.BadInput);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DeleteIfEmpty(request.OutputPath);
            return RecordExit.Ok;
        }
        finally
        {
            remote?.Dispose();
        }
    }

    private static async Task<RecordExit> ReportAsync(RecordRequest request, RecordingResult result, TextWriter output, TextWriter error)
    {
        var progress = result.Progress;
        var kept = $"{Seconds(progress.Recorded)} already recorded";
        switch (result.Outcome)
        {
            case RecordingOutcome.Completed or RecordingOutcome.Stopped:
                await output.WriteLineAsync($"Saved {request.OutputPath}: {Seconds(progress.Recorded)}, {progress.Frames} frames, {SizeParser.Format(progress.Bytes)}.");
                return RecordExit.Ok;
            case RecordingOutcome.DiskFull:
                return await FailAsync(error, $"disk full while writing {request.OutputPath}: kept {kept}. Free some space or record to another disk.", RecordExit.Failed);
            case RecordingOutcome.SourceFailed when FailureText.IsCameraBusy(result.Detail ?? ""):
                DeleteIfNothingRecorded(request.OutputPath, progress);
                return await FailAsync(error, CameraBusyMessage, RecordExit.Failed);
            case RecordingOutcome.SourceFailed:
                DeleteIfNothingRecorded(request.OutputPath, progress);
                return await FailAsync(error, $"{result.Detail} ({request.OutputPath}: kept {kept})", RecordExit.Failed);
            default:
                DeleteIfNothingRecorded(request.OutputPath, progress);
                return await FailAsync(error, $"recording to {request.OutputPath} failed: {result.Detail} (kept {kept})", RecordExit.Failed);
        }
    }

    private static async Task<RecordCodec> CodecAsync(RecordRequest request, RecordingContainer container, string ffmpeg, CancellationToken cancellationToken)
    {
        var codec = request.Codec;
        if (codec == RecordRequest.AutoCodec)
        {
            if (request.From is not null && container != RecordingContainer.Mp4)
            {
                return new RecordCodec(RecorderSettings.Copy, null);
            }

            return new RecordCodec(await EncoderChooser.ChooseH264Async(ffmpeg, cancellationToken), null);
        }

        if (codec == RecorderSettings.Copy)
        {
            return request.From is null
                ? new RecordCodec(null, "--codec copy needs --from: frames straight from a camera must be encoded (drop --codec, or use --codec libx264).")
                : container == RecordingContainer.Mp4
                    ? new RecordCodec(null, "--codec copy keeps the stream's MPEG-1 video, which most players cannot play from an MP4 file: record to .ts or .mkv, or drop --codec copy to convert to H.264.")
                    : new RecordCodec(codec, null);
        }

        return await EncoderChooser.HasEncoderAsync(ffmpeg, codec, cancellationToken)
            ? new RecordCodec(codec, null)
            : new RecordCodec(null, $"--codec {codec}: this ffmpeg has no such encoder. Use auto, libx264 or h264_v4l2m2m (ffmpeg -encoders lists them all).");
    }

    /// <summary>A file with a header and no frame is of no use: it goes, so a retry needs no --force.</summary>
    private static void DeleteIfNothingRecorded(string path, RecordingProgress progress)
    {
        if (progress.Frames == 0)
        {
            File.Delete(path);
        }
    }

    private static void DeleteIfEmpty(string path)
    {
        var file = new FileInfo(path);
        if (file.Exists && file.Length == 0)
        {
            file.Delete();
        }
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");

    private static async Task<RecordExit> FailAsync(TextWriter error, string message, RecordExit exitCode)
    {
        await error.WriteLineAsync($"error: {message}");
        return exitCode;
    }
}
