namespace PiStream.Services.Publish;

/// <summary>What <c>serve --publish</c> needs: the targets, and the frame rate that times the copied H.264.</summary>
internal sealed record PublishOptions(string FfmpegPath, IReadOnlyList<PublishTarget> Targets, int Framerate);
