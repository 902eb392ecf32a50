using System.Net.WebSockets;
using System.Text.Json;
using PiStream.Services.Broadcast;

namespace PiStream.Services.PanTilt;

/// <summary>Pushes <c>{"type":"orientation","pan":10,"tilt":-5}</c> to every open page as a WebSocket text message.</summary>
internal sealed class OrientationEvents(Broadcaster broadcaster, StreamMessagePool pool)
{
    public void Publish(Orientation orientation)
    {
        var message = pool.Rent();
        message.Append(JsonSerializer.SerializeToUtf8Bytes(new OrientationEvent(orientation.Pan, orientation.Tilt), PanTiltJsonContext.Default.OrientationEvent));
        message.Complete(false, WebSocketMessageType.Text);
        broadcaster.PublishText(message);
        message.Release();
    }
}
