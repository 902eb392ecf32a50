namespace PiStream.Services.Recording;

/// <summary>Why a recording cannot be written where asked: a bad path or name (<see cref="IsBadInput"/>), or the machine (permissions, a full disk).</summary>
internal sealed record OutputProblem(bool IsBadInput, string Message);
