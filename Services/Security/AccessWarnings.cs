using Microsoft.Extensions.Logging;

namespace PiStream.Services.Security;

/// <summary>What <c>serve</c> says at startup about who can reach the camera.</summary>
internal static class AccessWarnings
{
    /// <param name="canMove">True when a pan-tilt device is attached, so the camera can be moved over HTTP.</param>
    public static void Log(AccessSettings access, bool canMove, ILogger logger)
    {
        if (access.Users is null && canMove && !access.ReadOnly)
        {
            logger.LogWarning(
                "Anyone who can reach this server can watch the camera and move it: add {AuthOption} or {AuthFileOption} to require a password, or {ReadOnlyOption} to forbid moving it",
                "--auth USER:PASSWORD",
                "--auth-file FILE",
                "--read-only");
        }
        else if (access.Users is null)
        {
            logger.LogInformation("Anyone who can reach this server can watch the camera: add --auth USER:PASSWORD or --auth-file FILE to require a password");
        }

        if (access.Users is not null && !access.UsesTls)
        {
            logger.LogInformation("Passwords travel unencrypted over plain HTTP: add --tls-cert and --tls-key to use HTTPS");
        }
    }
}
