using System.Text.Json;
using System.Text.Json.Nodes;

namespace PiStream.Services.Http;

/// <summary>A typed <see cref="IStatusSection"/>: reads a <typeparamref name="TSection"/> record from a feature's service.</summary>
internal sealed class StatusSection<TService, TSection>(string? name, TService service, Func<TService, TSection> read) : IStatusSection
{
    public string? Name => name;

    public JsonNode? Read(JsonSerializerOptions json) => JsonSerializer.SerializeToNode(read(service), json);
}
