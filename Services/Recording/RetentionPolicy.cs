namespace PiStream.Services.Recording;

/// <summary>How long and how much recording to keep: segments older than <see cref="MaxAge"/> or beyond <see cref="MaxBytes"/> in total go, oldest first. Null: no limit.</summary>
internal sealed record RetentionPolicy(TimeSpan? MaxAge, long? MaxBytes)
{
    public static RetentionPolicy KeepAll { get; } = new(null, null);
}
