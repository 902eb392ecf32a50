namespace PiStream.Services.Configuration;

/// <summary>One setting as a file or the environment gave it: the key, its text, and where it was written (the file path, or the variable's name).</summary>
internal sealed record SettingValue(string Key, string Value, SettingSource Source, string Origin);
