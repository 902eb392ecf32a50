using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PiStream.Tests.Support;

/// <summary>Keeps every log entry (level, category, text, named values) so a test can assert on them.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Entries at Error or Critical, formatted for an assertion message.</summary>
    public IReadOnlyList<string> Errors => Entries
        .Where(entry => entry.Level >= LogLevel.Error)
        .Select(entry => $"{entry.Level} {entry.Category}: {entry.Message} {entry.Exception}")
        .ToArray();

    /// <summary>A factory that logs from Debug up into this provider (Kestrel included).</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value)
                : new Dictionary<string, object?>();
            entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), values, exception));
        }
    }
}
