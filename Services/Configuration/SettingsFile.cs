using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace PiStream.Services.Configuration;

/// <summary>
/// Reads a JSON settings file through Microsoft.Extensions.Configuration: one flat object of keys and single values
/// (<c>{"port": 8082, "wsPort": 8084, "hflip": true}</c>). A JSON null means "not set". Keys are matched without case.
/// </summary>
internal static class SettingsFile
{
    /// <summary>Where <c>serve</c> looks when no <c>--config</c> is given (used only when it exists).</summary>
    public const string DefaultPath = "/etc/pistream/pistream.json";

    /// <summary>The settings in <paramref name="path"/>; throws <see cref="SettingsFileException"/> naming the file (and key) when it cannot be used.</summary>
    public static IReadOnlyList<SettingValue> Read(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new SettingsFileException($"{path}: no such file. Give the path of a JSON settings file (docs/config.md), e.g. {DefaultPath}.");
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(fullPath, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException($"{path} is not a JSON object of settings ({Reason(e)}). Write it as {{\"port\": 8082, \"width\": 1280}} (docs/config.md).");
        }

        var settings = new List<SettingValue>();
        foreach (var section in configuration.GetChildren())
        {
            if (section.Value is null && section.GetChildren().Any())
            {
                throw new SettingsFileException($"{path}: \"{section.Key}\" is a list or an object: give it one value (a number, text, or true/false), e.g. \"port\": 8082.");
            }

            if (section.Value is null)
            {
                continue;
            }

            if (section.Value.Length == 0)
            {
                throw new SettingsFileException($"{path}: \"{section.Key}\" is empty: give it a value, or remove the line (or write null) for the default.");
            }

            settings.Add(new SettingValue(section.Key, section.Value, SettingSource.File, path));
        }

        return settings;
    }

    /// <summary>The innermost message: the JSON reader's says where the file goes wrong (line and position).</summary>
    private static string Reason(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message.TrimEnd('.');
    }
}
