using Microsoft.Extensions.Logging;

namespace PiStream.Services.Security;

/// <summary>What <c>serve</c> says at startup about who can reach the camera.</summary>
internal static class AccessWarnings
{
    public static void Log(AccessSettings access, ILogger logger)
    {
        if (access.Users is null && !access.ReadOnly)
        {
            logger.LogWarning(
                "Anyone who can reach this server can watch the camera and move it (if a pan-tilt device is attached): add {AuthOption} or {AuthFileOption} to require a password, or {ReadOnlyOption} to forbid moving it",
                "--auth USER:PASSWORD",
                "--auth-file FILE",
                "--read-only");
        }
        else if (access.Users is null)
        {
            logger.LogInformation("Anyone who can reach this server can watch the camera (add --auth to require a password); moving it is off (--read-only)");
        }

        if (access.Users is not null && !access.UsesTls)
        {
            logger.LogInformation("Passwords travel unencrypted over plain HTTP: add --tls-cert and --tls-key to use HTTPS");
        }
    }
}
