namespace PiStream.Services.CameraControls;

/// <summary>The <c>camera</c> part of /api/status: the image controls set (by option name), e.g. <c>{"controls":{"shutter":"10000"}}</c>.</summary>
internal sealed record CameraStatus(IReadOnlyDictionary<string, string> Controls);
