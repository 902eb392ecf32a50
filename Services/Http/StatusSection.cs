using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace PiStream.Services.Http;

/// <summary>
/// A typed <see cref="IStatusSection"/>: reads a <typeparamref name="TSection"/> record from a feature's service and
/// writes it with its compiled JSON <paramref name="contract"/> (from the feature's own JSON context).
/// </summary>
internal sealed class StatusSection<TService, TSection>(string? name, TService service, Func<TService, TSection> read, JsonTypeInfo<TSection> contract) : IStatusSection
{
    public string? Name => name;

    public JsonNode? Read() => JsonSerializer.SerializeToNode(read(service), contract);
}
