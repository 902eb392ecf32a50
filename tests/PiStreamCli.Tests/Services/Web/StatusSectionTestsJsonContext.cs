using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiStream.Tests.Services.Web;

/// <summary>The test sections' compiled JSON contracts, in the web style of pistream's endpoints.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StatusSectionTests.Fields))]
[JsonSerializable(typeof(StatusSectionTests.Device))]
[JsonSerializable(typeof(bool))]
internal sealed partial class StatusSectionTestsJsonContext : JsonSerializerContext;
