using System.Net.WebSockets;
using System.Text.Json;
using PiStream.Services.Broadcast;

namespace PiStream.Services.Lights;

/// <summary>Pushes <c>{"type":"lights","pixels":[[r,g,b,w],...]}</c> to every open page as a WebSocket text message.</summary>
internal sealed class LightsEvents(Broadcaster broadcaster, StreamMessagePool pool)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Publish(LightColor[] colors)
    {
        var message = pool.Rent();
        message.Append(JsonSerializer.SerializeToUtf8Bytes(new { type = "lights", pixels = colors.Select(color => color.ToArray()) }, Json));
        message.Complete(false, WebSocketMessageType.Text);
        broadcaster.PublishText(message);
        message.Release();
    }
}
