using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.PanTilt;

namespace PiStream.Commands;

/// <summary>
/// What <c>orient</c> and <c>light</c> share: talking to the Pan-Tilt HAT directly over I2C, or through a running
/// <c>serve</c> (<c>--server</c>), and how each failure becomes one line naming the fix and an exit code: 3 no I2C
/// bus, no HAT or a server without one; 2 a value the server refused; 1 anything else (the HAT stopped answering,
/// the server is unreachable, cancelled).
/// </summary>
internal static class HatCommandRunner
{
    /// <summary>Opens the HAT on this machine, runs <paramref name="act"/> on it and prints what it returns.</summary>
    public static async Task<int> RunLocalAsync(
        PanTiltHatOptions options, string deviceDirectory, Func<PanTiltHat, CancellationToken, Task<string>> act, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            using var hat = PanTiltHatOpener.Open(options, TimeProvider.System, NullLogger.Instance, deviceDirectory);
            await output.WriteLineAsync(await act(hat, cancellationToken));
            return ExitCodes.Ok;
        }
        catch (PanTiltUnavailableException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.DeviceMissing ? ExitCodes.MissingDependency : ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Failed;
        }
    }

    /// <summary>Asks <c>pistream serve</c> at <paramref name="server"/> through <paramref name="ask"/> and prints what it returns.</summary>
    public static async Task<int> RunRemoteAsync(Uri server, Func<HttpClient, CancellationToken, Task<string>> ask, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await output.WriteLineAsync(await ask(http, cancellationToken));
            return ExitCodes.Ok;
        }
        catch (PanTiltRequestException e)
        {
            await error.WriteLineAsync($"error: {server} answered: {e.Message}");
            return e.Status switch
            {
                HttpStatusCode.BadRequest => ExitCodes.BadInput,
                HttpStatusCode.ServiceUnavailable => ExitCodes.MissingDependency,
                _ => ExitCodes.Failed,
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"error: cannot reach pistream serve at {server}: {e.Message} Is it running there, and is that its HTTP port (8082 by default)?");
            return ExitCodes.Failed;
        }
    }
}
