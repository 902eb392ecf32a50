using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.Presets;

/// <summary>
/// The presets, kept in <c>presets.json</c> in the state directory: read once at start, written after every change
/// by writing a temporary file beside it and renaming it over the old one, so a crash or power cut leaves either the
/// old list or the new one, never half a file. The directory is created on the first save. Thread-safe.
/// </summary>
internal sealed class PresetStore
{
    public const string FileName = "presets.json";
    public const int MaxPresets = 100;
    private readonly Lock _lock = new();
    private readonly ILogger _logger;
    private List<Preset> _presets;

    public PresetStore(string directory, ILogger<PresetStore> logger)
    {
        Directory = directory;
        _logger = logger;
        _presets = Load();
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>Every preset, sorted by name.</summary>
    public IReadOnlyList<Preset> List()
    {
        lock (_lock)
        {
            return _presets.ToArray();
        }
    }

    public Preset? Find(string name)
    {
        lock (_lock)
        {
            return _presets.Find(preset => preset.Name == name);
        }
    }

    /// <summary>Adds or replaces <paramref name="preset"/> and writes the file (throws <see cref="PresetStoreException"/> when it cannot, changing nothing).</summary>
    public void Save(Preset preset)
    {
        lock (_lock)
        {
            var others = _presets.Where(existing => existing.Name != preset.Name).ToList();
            if (others.Count >= MaxPresets)
            {
                throw new PresetStoreException($"There are already {MaxPresets} presets: delete one first (DELETE /api/presets/NAME).", isFull: true);
            }

            var next = others.Append(preset).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            Write(next);
            _presets = next;
        }
    }

    /// <summary>Removes the preset; false when there was none of that name.</summary>
    public bool Delete(string name)
    {
        lock (_lock)
        {
            var next = _presets.Where(existing => existing.Name != name).ToList();
            if (next.Count == _presets.Count)
            {
                return false;
            }

            Write(next);
            _presets = next;
            return true;
        }
    }

    private List<Preset> Load()
    {
        try
        {
            var presets = JsonSerializer.Deserialize(File.ReadAllText(FilePath), PresetFileJsonContext.Default.ListPreset) ?? [];
            var usable = presets.Where(p => PresetName.Check(p.Name) is null && p.Pan is >= -90 and <= 90 && p.Tilt is >= -90 and <= 90)
                .DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal).Take(MaxPresets).ToList();
            if (usable.Count != presets.Count)
            {
                _logger.LogWarning("Ignored {Count} unusable entries in {Path}", presets.Count - usable.Count, FilePath);
            }

            return usable;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not read the presets from {Path}, starting with none (the file is replaced on the next save): {Reason}", FilePath, e.Message);
            return [];
        }
    }

    private void Write(List<Preset> presets)
    {
        var temporary = FilePath + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, presets, PresetFileJsonContext.Default.ListPreset);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PresetStoreException($"Could not save the presets in {FilePath}: {e.Message}. Give a writable folder with --state-dir.", isFull: false, e);
        }
    }
}
