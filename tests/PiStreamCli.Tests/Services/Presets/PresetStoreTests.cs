using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Presets;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Presets;

/// <summary>Presets in <c>presets.json</c>: saved atomically, read back by the next start, bad files survived.</summary>
public sealed class PresetStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Saved_presets_are_read_back_by_a_new_store_sorted_by_name()
    {
        var directory = Path.Combine(_folder.Path, "state", "pistream");
        var store = Store(directory);
        store.Save(new Preset("window", 30, 5));
        store.Save(new Preset("door", -45.5, -10));
        store.Save(new Preset("window", 31, 6));

        var reopened = Store(directory);

        Assert.Equal([new Preset("door", -45.5, -10), new Preset("window", 31, 6)], reopened.List());
        Assert.False(File.Exists(Path.Combine(directory, "presets.json.tmp")));
        Assert.Contains("\"name\": \"door\"", File.ReadAllText(Path.Combine(directory, PresetStore.FileName)));
    }

    [Fact]
    public void Deleting_is_saved_too_and_an_unknown_name_is_false()
    {
        var store = Store(_folder.Path);
        store.Save(new Preset("door", 1, 2));

        Assert.False(store.Delete("garage"));
        Assert.True(store.Delete("door"));
        Assert.Empty(Store(_folder.Path).List());
    }

    [Fact]
    public void A_damaged_file_starts_empty_and_is_replaced_on_the_next_save()
    {
        File.WriteAllText(Path.Combine(_folder.Path, PresetStore.FileName), "{ not json");
        var store = Store(_folder.Path);

        Assert.Empty(store.List());
        store.Save(new Preset("door", 1, 2));
        Assert.Single(Store(_folder.Path).List());
    }

    [Fact]
    public void Entries_with_bad_names_or_angles_are_ignored()
    {
        File.WriteAllText(Path.Combine(_folder.Path, PresetStore.FileName), """[{"name":"ok","pan":1,"tilt":2},{"name":"../x","pan":1,"tilt":2},{"name":"far","pan":200,"tilt":0}]""");

        Assert.Equal([new Preset("ok", 1, 2)], Store(_folder.Path).List());
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_an_error_naming_the_option_and_changes_nothing()
    {
        var blocker = Path.Combine(_folder.Path, "file");
        File.WriteAllText(blocker, "");
        var store = Store(Path.Combine(blocker, "pistream"));

        var error = Assert.Throws<PresetStoreException>(() => store.Save(new Preset("door", 1, 2)));

        Assert.Contains("--state-dir", error.Message);
        Assert.Empty(store.List());
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("Front-door_2", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("", false)]
    [InlineData("front door", false)]
    [InlineData("../etc", false)]
    [InlineData("café", false)]
    public void Names_are_1_to_32_letters_digits_dashes_and_underscores(string name, bool usable)
    {
        Assert.Equal(usable, PresetName.Check(name) is null);
    }

    public void Dispose() => _folder.Dispose();

    private static PresetStore Store(string directory) => new(directory, NullLogger<PresetStore>.Instance);
}
