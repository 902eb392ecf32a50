using System.Buffers;

namespace PiStream.Services.Publish;

/// <summary>A piece of the shared H.264 MPEG-TS output, copied into a pooled buffer for one target's queue.</summary>
internal readonly record struct PublishChunk(byte[] Buffer, int Length)
{
    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

    public static PublishChunk CopyOf(ReadOnlySpan<byte> data)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(buffer);
        return new PublishChunk(buffer, data.Length);
    }

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
