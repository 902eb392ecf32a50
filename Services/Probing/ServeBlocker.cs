namespace PiStream.Services.Probing;

/// <summary>What stops <c>serve</c> from running here, if anything.</summary>
internal enum ServeBlocker
{
    /// <summary>serve can run.</summary>
    None,

    /// <summary>A program serve needs (ffmpeg with mpeg1video) is missing.</summary>
    MissingDependency,

    /// <summary>The HTTP or WebSocket port is taken by another program.</summary>
    PortInUse,
}
