using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace PiStream.Services.Broadcast;

/// <summary>
/// A viewer's text events (a state change: lights, presets, orientation) that did not fit its queue (full of video)
/// or were queued when it skipped ahead to a keyframe. They are sent before the next queued message, so a page that
/// fell behind on video still learns every change. At most <see cref="Capacity"/> are kept (the oldest go first:
/// each event carries the whole state of its kind, so newer ones supersede it).
/// </summary>
internal sealed class PendingText
{
    public const int Capacity = 64;

    private readonly ConcurrentQueue<StreamMessage> _messages = new();

    /// <summary>Keeps <paramref name="message"/> (the caller's reference passes to this queue).</summary>
    public void Add(StreamMessage message)
    {
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out var oldest))
        {
            oldest.Release();
        }
    }

    /// <summary>Keeps a text event dropped from the queue (unless the viewer is <paramref name="closed"/>); releases video.</summary>
    public void KeepIfText(StreamMessage message, bool closed)
    {
        if (message.MessageType == WebSocketMessageType.Text && !closed)
        {
            Add(message);
        }
        else
        {
            message.Release();
        }
    }

    public bool TryTake(out StreamMessage message) => _messages.TryDequeue(out message!);

    /// <summary>Releases what is left (the viewer is gone).</summary>
    public void Clear()
    {
        while (_messages.TryDequeue(out var message))
        {
            message.Release();
        }
    }
}
