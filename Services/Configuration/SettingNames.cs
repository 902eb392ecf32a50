using System.Text;

namespace PiStream.Services.Configuration;

/// <summary>
/// How a setting is spelled: the long option name of <c>serve</c> in camelCase in the file (<c>--ws-port</c> is
/// <c>wsPort</c>), and upper case with underscores after <c>PISTREAM_</c> in the environment (<c>PISTREAM_WS_PORT</c>).
/// </summary>
internal static class SettingNames
{
    public const string EnvironmentPrefix = "PISTREAM_";

    /// <summary><c>--ws-port</c> becomes <c>wsPort</c>.</summary>
    public static string KeyOf(string optionName)
    {
        var words = optionName.TrimStart('-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        var key = new StringBuilder(words[0]);
        foreach (var word in words.Skip(1))
        {
            key.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return key.ToString();
    }

    /// <summary><c>wsPort</c> becomes <c>PISTREAM_WS_PORT</c>.</summary>
    public static string EnvironmentNameOf(string key)
    {
        var name = new StringBuilder(EnvironmentPrefix);
        foreach (var c in key)
        {
            if (char.IsUpper(c))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(c));
        }

        return name.ToString();
    }

    /// <summary>The key an environment variable names (<c>PISTREAM_WS_PORT</c> and <c>PISTREAM_WSPORT</c> both name <c>wsport</c>, matched without case), or null when it has not the prefix.</summary>
    public static string? KeyOfEnvironmentName(string name) =>
        name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && name.Length > EnvironmentPrefix.Length
            ? name[EnvironmentPrefix.Length..].Replace("_", "", StringComparison.Ordinal)
            : null;
}
