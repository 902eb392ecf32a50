using System.Text.Json;
using PiStream.Services.Http;
using PiStream.Services.Web;

namespace PiStream.Tests.Services.Web;

/// <summary>/api/status is composed of the sections features register: top-level fields, then named typed sections.</summary>
public sealed class StatusSectionTests
{
    [Fact]
    public void Sections_compose_one_document_with_top_level_fields_and_named_sections()
    {
        var counter = new Counter { Value = 3 };
        IStatusSection[] sections =
        [
            new StatusSection<Counter, Fields>(null, counter, c => new Fields("test pattern", c.Value), StatusSectionTestsJsonContext.Default.Fields),
            new StatusSection<Counter, Device?>("device", counter, c => new Device("sim", c.Value > 2), StatusSectionTestsJsonContext.Default.Device),
            new StatusSection<Counter, Device?>("missing", counter, _ => null, StatusSectionTestsJsonContext.Default.Device),
            new StatusSection<Counter, bool>("readOnly", counter, _ => true, StatusSectionTestsJsonContext.Default.Boolean),
        ];

        var json = System.Text.Encoding.UTF8.GetString(StatusEndpoints.Compose(sections));
        Assert.Equal("""{"source":"test pattern","viewers":3,"device":{"kind":"sim","moving":true},"missing":null,"readOnly":true}""", json);

        counter.Value = 1;
        using var again = JsonDocument.Parse(StatusEndpoints.Compose(sections));
        Assert.Equal(1, again.RootElement.GetProperty("viewers").GetInt32());
        Assert.False(again.RootElement.GetProperty("device").GetProperty("moving").GetBoolean());
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }

    internal sealed record Fields(string Source, int Viewers);

    internal sealed record Device(string Kind, bool Moving);
}
