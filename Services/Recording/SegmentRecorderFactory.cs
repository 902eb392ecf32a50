using Microsoft.Extensions.Logging;

namespace PiStream.Services.Recording;

/// <summary>Prepares continuous recording for serve: checks the folder before anything runs.</summary>
internal static class SegmentRecorderFactory
{
    /// <summary>
    /// Creates the folder if needed and checks it can be written and has space; throws
    /// <see cref="RecordingUnavailableException"/> naming the fix otherwise. <paramref name="source"/> says what is recorded (for the log).
    /// </summary>
    public static async Task<SegmentRecorder> CreateAsync(string ffmpegPath, SegmentSettings recording, int framerate, string source, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(recording.Folder);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".pistream-write-test-{Environment.ProcessId}");
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingUnavailableException($"cannot record to {recording.Folder}: {e.Message.TrimEnd('.')}. Give --record a folder you can write to.");
        }

        var free = OutputCheck.FreeBytes(folder);
        if (free < OutputCheck.MinimumFreeBytes)
        {
            throw new RecordingUnavailableException($"cannot record to {recording.Folder}: disk full, only {SizeParser.Format(free)} free. Free some space, lower --keep-size, or record to another disk.");
        }

        var logger = loggerFactory.CreateLogger<SegmentRecorder>();
        logger.LogInformation("Recording to {Folder} in {Length} s segments from {Source}", folder, recording.SegmentLength.TotalSeconds, source);
        return new SegmentRecorder(ffmpegPath, recording with { Folder = folder }, framerate, TimeProvider.System, logger);
    }
}
