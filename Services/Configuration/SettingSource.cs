namespace PiStream.Services.Configuration;

/// <summary>Where a setting's value came from, weakest first: the command line beats the environment, which beats the file.</summary>
internal enum SettingSource
{
    /// <summary>Nobody set it: the built-in default.</summary>
    Default,

    /// <summary>The JSON settings file (<c>--config</c>, or /etc/pistream/pistream.json).</summary>
    File,

    /// <summary>A <c>PISTREAM_&lt;KEY&gt;</c> environment variable.</summary>
    Environment,

    /// <summary>An option on the command line.</summary>
    CommandLine,
}
