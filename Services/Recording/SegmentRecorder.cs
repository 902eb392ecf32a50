using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PiStream.Services.Capture;
using PiStream.Services.Processes;

namespace PiStream.Services.Recording;

/// <summary>
/// Records the frames of a running serve into segments (<see cref="SegmentArguments"/>), from the same
/// capture as the live stream. <see cref="Offer"/> is called on the live path and never waits: it copies
/// the frame into a small bounded queue, or drops it (counted) when the queue is full. A separate loop
/// writes the queue into the recording ffmpeg, which runs at a lower CPU priority than the live encoder.
/// After each finished segment the <see cref="SegmentRetention"/> deletes the oldest.
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
    private readonly int _frameSize;
    private readonly int _maxBuffers;
    private readonly Channel<byte[]> _queue;
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly SegmentRetention _retention;
    private readonly ILogger<SegmentRecorder> _logger;
    private readonly TimeProvider _time;
    private readonly string _run = SegmentName.NewRun();
    private int _allocated;
    private long _dropped;
    private long _segments;

    public SegmentRecorder(string ffmpegPath, SegmentSettings settings, VideoFormat format, string codec, bool horizontalFlip, bool verticalFlip, TimeProvider time, ILogger<SegmentRecorder> logger)
    {
        _ffmpegPath = ffmpegPath;
        _settings = settings;
        _arguments = SegmentArguments.Build(settings, format, codec, horizontalFlip, verticalFlip, _run);
        _frameSize = format.FrameSize;
        var capacity = Math.Max(4, format.Framerate);
        _maxBuffers = capacity + 1;
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _retention = new SegmentRetention(settings.Folder, settings.Retention, time, logger);
        _logger = logger;
        _time = time;
    }

    /// <summary>Frames not recorded because the recorder fell behind (the live stream was not held up for them).</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Segments finished so far.</summary>
    public long SegmentsCompleted => Interlocked.Read(ref _segments);

    /// <summary>Takes a copy of <paramref name="frame"/> for the recording, or drops it at once if the recorder is behind.</summary>
    public void Offer(ReadOnlySpan<byte> frame)
    {
        if (frame.Length != _frameSize)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!_free.TryDequeue(out var buffer))
        {
            if (Interlocked.Increment(ref _allocated) > _maxBuffers)
            {
                Interlocked.Decrement(ref _allocated);
                Interlocked.Increment(ref _dropped);
                return;
            }

            buffer = new byte[_frameSize];
        }

        frame.CopyTo(buffer);
        if (!_queue.Writer.TryWrite(buffer))
        {
            _free.Enqueue(buffer);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Records until cancelled, restarting ffmpeg after a failure (a full disk, for example).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            FinishLeftovers();
            var reason = await RunOnceAsync(cancellationToken);
            FinishLeftovers();
            if (cancellationToken.IsCancellationRequested)
            {
                return;
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

    private async Task<string> RunOnceAsync(CancellationToken cancellationToken)
    {
        var nice = ExecutableFinder.Find("nice");
        await using var process = nice is null
            ? ChildProcess.Start(_ffmpegPath, _arguments, _logger, environment: Utc)
            : ChildProcess.Start(nice, ["-n", "10", _ffmpegPath, .. _arguments], _logger, environment: Utc);
        var segments = ReadSegmentListAsync(process.Output);
        try
        {
            await foreach (var buffer in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await process.Input.WriteAsync(buffer, cancellationToken);
                }
                finally
                {
                    _free.Enqueue(buffer);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: record the frames already queued; ffmpeg finishes the segment when its stdin closes below.
            await DrainAsync(process.Input);
        }
        catch (IOException)
        {
            // ffmpeg exited: its last words say why.
        }

        await process.StopAsync(Recorder.FinishGrace);
        await segments.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return FailureText.IsDiskFull(process.LastErrorLines()) ? $"disk full ({process.DescribeExit()})" : process.DescribeExit();
    }

    private async Task DrainAsync(Stream input)
    {
        using var deadline = new CancellationTokenSource(Recorder.FinishGrace);
        try
        {
            while (_queue.Reader.TryRead(out var buffer))
            {
                await input.WriteAsync(buffer, deadline.Token);
                _free.Enqueue(buffer);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            _logger.LogDebug("Frames still queued at shutdown were not recorded: {Reason}", e.Message);
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
