using System.Net.WebSockets;
using System.Text.Json;
using PiStream.Services.Broadcast;

namespace PiStream.Services.Lights;

/// <summary>Pushes <c>{"type":"lights","pixels":[[r,g,b,w],...]}</c> to every open page as a WebSocket text message.</summary>
internal sealed class LightsEvents(Broadcaster broadcaster, StreamMessagePool pool)
{
    public void Publish(LightColor[] colors)
    {
        var message = pool.Rent();
        message.Append(JsonSerializer.SerializeToUtf8Bytes(new LightsEvent(LightsDocument.From(colors).Pixels), LightsJsonContext.Default.LightsEvent));
        message.Complete(false, WebSocketMessageType.Text);
        broadcaster.PublishText(message);
        message.Release();
    }
}
