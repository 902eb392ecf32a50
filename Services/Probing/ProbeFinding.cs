namespace PiStream.Services.Probing;

/// <summary>Something missing or wrong, in one of the report's areas, with the command or step that fixes it.</summary>
/// <param name="Area">"ffmpeg", "camera", "pantilt" or "network".</param>
/// <param name="Blocking">True when serve cannot run until it is fixed.</param>
internal sealed record ProbeFinding(string Area, string Problem, string Fix, bool Blocking);
