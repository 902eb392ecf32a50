using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Muxing;
using PiStream.Services.Processes;

namespace PiStream.Services.Recording;

/// <summary>
/// Records the H.264 of a running serve (<see cref="H264Source"/>: the live stream, or the dedicated encoder when
/// the live stream is MPEG-1) into segments without encoding again (<see cref="SegmentArguments"/>). <see cref="Offer"/>
/// is called on the encoder's output path and never waits: the <see cref="AccessUnitQueue"/> takes the picture or
/// drops it (and what follows up to the next keyframe). A separate loop writes the queue into the recording ffmpeg,
/// which runs at a lower CPU priority. After each finished segment the <see cref="SegmentRetention"/> deletes the oldest.
/// </summary>
internal sealed class SegmentRecorder
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(10);

    /// <summary>An unfinished segment of another run untouched for this long was left by a crash: it is finished (renamed) at start.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(30);

    /// <summary>ffmpeg names segments with strftime in local time: in UTC, names are the same all year round.</summary>
    private static readonly Dictionary<string, string> Utc = new() { ["TZ"] = "UTC" };
    private readonly string _ffmpegPath;
    private readonly IReadOnlyList<string> _arguments;
    private readonly SegmentSettings _settings;
    private readonly AccessUnitQueue _queue;
    private readonly SegmentRetention _retention;
    private readonly ILogger<SegmentRecorder> _logger;
    private readonly TimeProvider _time;
    private readonly string _run = SegmentName.NewRun();
    private long _segments;

    public SegmentRecorder(string ffmpegPath, SegmentSettings settings, int framerate, TimeProvider time, ILogger<SegmentRecorder> logger)
    {
        _ffmpegPath = ffmpegPath;
        _settings = settings;
        _arguments = SegmentArguments.Build(settings, framerate, _run);
        _queue = new AccessUnitQueue(2 * Math.Max(4, framerate));
        _retention = new SegmentRetention(settings.Folder, settings.Retention, time, logger);
        _logger = logger;
        _time = time;
    }

    /// <summary>Pictures not recorded because the recorder fell behind (the live stream was not held up for them).</summary>
    public long FramesDropped => _queue.Dropped;

    /// <summary>Segments finished so far.</summary>
    public long SegmentsCompleted => Interlocked.Read(ref _segments);

    /// <summary>Queues an access unit for the recording, or drops it at once if the recorder is behind.</summary>
    public void Offer(StreamMessage accessUnit) => _queue.Offer(accessUnit);

    /// <summary>Records until cancelled, restarting ffmpeg after a failure (a full disk, for example).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            FinishLeftovers();
            var (reason, again) = await RunOnceAsync(cancellationToken);
            FinishLeftovers();
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (again)
            {
                _logger.LogInformation("The H.264 stream changed its parameters (its encoder was restarted): the recording goes on in a new segment");
                continue;
            }

            _logger.LogError("Recording to {Folder} stopped: {Reason}. Retrying in {Delay} s; the live stream goes on", _settings.Folder, reason, RestartDelay.TotalSeconds);
            try
            {
                await Task.Delay(RestartDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One recording ffmpeg; returns why it ended, and whether to start the next one at once (new parameter sets).</summary>
    private async Task<(string Reason, bool Again)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var nice = ExecutableFinder.Find("nice");
        await using var process = nice is null
            ? ChildProcess.Start(_ffmpegPath, _arguments, _logger, environment: Utc)
            : ChildProcess.Start(nice, ["-n", "10", _ffmpegPath, .. _arguments], _logger, environment: Utc);
        var segments = ReadSegmentListAsync(process.Output);
        var again = false;
        try
        {
            again = await _queue.CopyToAsync(process.Input, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: record the pictures already queued; ffmpeg finishes the segment when its stdin closes below.
            await DrainAsync(process.Input);
        }
        catch (IOException)
        {
            // ffmpeg exited: its last words say why.
        }

        await process.StopAsync(Recorder.FinishGrace);
        await segments.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var reason = FailureText.IsDiskFull(process.LastErrorLines()) ? $"disk full ({process.DescribeExit()})" : process.DescribeExit();
        return (reason, again);
    }

    private async Task DrainAsync(Stream input)
    {
        using var deadline = new CancellationTokenSource(Recorder.FinishGrace);
        try
        {
            await _queue.DrainAsync(input, deadline.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            _logger.LogDebug("Pictures still queued at shutdown were not recorded: {Reason}", e.Message);
        }
    }

    private async Task ReadSegmentListAsync(Stream output)
    {
        await Task.Yield();
        using var reader = new StreamReader(output);
        long reportedDrops = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            Interlocked.Increment(ref _segments);
            Finish(Path.GetFileName(line.Trim()));
            _retention.Apply();
            var dropped = FramesDropped;
            if (dropped > reportedDrops)
            {
                _logger.LogWarning("The recording fell behind and skipped {Frames} frames so far (the live stream was not slowed)", dropped);
                reportedDrops = dropped;
            }
        }
    }

    /// <summary>Gives a finished segment its final name, never replacing a file that is already there.</summary>
    private void Finish(string inProgressName)
    {
        if (!SegmentName.TryParseInProgress(inProgressName, out var finished, out _))
        {
            _logger.LogWarning("ffmpeg reported a segment named {Name}, not one pistream asked for; left as it is", inProgressName);
            return;
        }

        var source = Path.Combine(_settings.Folder, inProgressName);
        var target = SegmentName.FreePath(_settings.Folder, finished);
        try
        {
            File.Move(source, target, overwrite: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not name the recording {Source} {Target}: {Reason}", source, target, e.Message);
            return;
        }

        if (Path.GetFileName(target) != finished)
        {
            _logger.LogWarning("A file named {Name} already exists: the new recording is {Path} (nothing was overwritten)", finished, target);
        }

        _logger.LogInformation("Recorded {Path}", target);
    }

    /// <summary>Finishes segments a stopped ffmpeg left behind: this run's at once, other runs' once nothing has written them for a while (a crash).</summary>
    private void FinishLeftovers()
    {
        try
        {
            foreach (var file in new DirectoryInfo(_settings.Folder).EnumerateFiles("*.part"))
            {
                if (file.LinkTarget is null && SegmentName.TryParseInProgress(file.Name, out _, out var run)
                    && (run == _run || _time.GetUtcNow() - file.LastWriteTimeUtc > AbandonedAfter))
                {
                    Finish(file.Name);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("Could not look for unfinished segments in {Folder}: {Reason}", _settings.Folder, e.Message);
        }
    }
}
