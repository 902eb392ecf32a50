namespace PiStream.Services.PanTilt;

/// <summary>Which pan-tilt device <c>serve</c> uses.</summary>
internal enum PanTiltMode
{
    /// <summary>The HAT if it answers, else none.</summary>
    Auto,

    /// <summary>The HAT; serve stops with the fix if it is not there.</summary>
    Hat,

    /// <summary>An in-memory HAT for demos and tests, labelled as simulated.</summary>
    Sim,

    /// <summary>No pan-tilt: /do_orient answers 503 and the page shows no sliders.</summary>
    None,
}
