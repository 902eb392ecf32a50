namespace PiStream.Services.Web;

/// <summary>Endpoint metadata: the endpoint answers on <see cref="Listener"/> instead of the HTTP port (<see cref="ListenerMatcherPolicy"/>).</summary>
internal sealed record ListenerMetadata(Listener Listener);
