using System.Text.Json.Nodes;

namespace PiStream.Services.Http;

/// <summary>
/// One part of GET /api/status, contributed by the feature it describes (register it with
/// <see cref="StatusServiceCollectionExtensions.AddStatusSection{TService, TSection}"/>).
/// </summary>
internal interface IStatusSection
{
    /// <summary>The section's property in the document; null puts its properties at the top level (the stream's own fields, as the page reads them).</summary>
    string? Name { get; }

    /// <summary>The section's current value as JSON (null when the feature has nothing to report).</summary>
    JsonNode? Read();
}
