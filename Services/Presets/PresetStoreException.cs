namespace PiStream.Services.Presets;

/// <summary>A preset could not be saved: the list is full (<see cref="IsFull"/>, a 400) or the file cannot be written (a 500).</summary>
internal sealed class PresetStoreException(string message, bool isFull, Exception? inner = null) : Exception(message, inner)
{
    public bool IsFull { get; } = isFull;
}
