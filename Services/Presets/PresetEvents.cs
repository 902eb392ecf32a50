using System.Net.WebSockets;
using PiStream.Services.Broadcast;

namespace PiStream.Services.Presets;

/// <summary>Tells every open page that the presets changed (<c>{"type":"presets"}</c>), so each reloads the list.</summary>
internal sealed class PresetEvents(Broadcaster broadcaster, StreamMessagePool pool)
{
    public void Publish()
    {
        var message = pool.Rent();
        message.Append("""{"type":"presets"}"""u8);
        message.Complete(false, WebSocketMessageType.Text);
        broadcaster.PublishText(message);
        message.Release();
    }
}
