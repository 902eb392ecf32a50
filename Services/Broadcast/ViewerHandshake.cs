namespace PiStream.Services.Broadcast;

/// <summary>What every viewer is sent first, before any frame: the <see cref="StreamHeader"/> of this stream.</summary>
internal sealed record ViewerHandshake(ReadOnlyMemory<byte> Header);
