namespace PiStream.Services.Jpeg;

/// <summary>What a client asked for: a smaller <see cref="Width"/> (null: full size) and at most <see cref="Fps"/> pictures a second (null: every frame).</summary>
internal sealed record JpegRequest(int? Width, double? Fps);
