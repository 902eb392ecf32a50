using Microsoft.Extensions.Logging;

namespace PiStream.Services.PanTilt;

/// <summary>Creates <c>serve</c>'s pan-tilt controller for a <see cref="PanTiltMode"/>.</summary>
internal static class PanTiltStarter
{
    /// <summary>
    /// Null for <see cref="PanTiltMode.None"/>, and for <see cref="PanTiltMode.Auto"/> when no HAT answers.
    /// <see cref="PanTiltMode.Hat"/> throws <see cref="PanTiltUnavailableException"/> with the fix instead.
    /// </summary>
    public static PanTiltController? Start(PanTiltSettings settings, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var logger = loggerFactory.CreateLogger<PanTiltController>();
        switch (settings.Mode)
        {
            case PanTiltMode.None:
                return null;
            case PanTiltMode.Sim:
                logger.LogInformation("Pan-tilt: simulated HAT (--pantilt sim)");
                var device = new SimulatedPanTiltDevice(settings.Hat.BusId, settings.Hat.Address);
                return new PanTiltController(new PanTiltHat(device, settings.Hat, timeProvider, logger), true, settings, timeProvider, logger);
        }

        PanTiltHat hat;
        try
        {
            hat = PanTiltHatOpener.Open(settings.Hat, timeProvider, logger);
        }
        catch (PanTiltUnavailableException e) when (settings.Mode == PanTiltMode.Auto)
        {
            if (File.Exists(settings.Hat.DevicePath))
            {
                logger.LogWarning("Pan-tilt: none, the I2C bus is there but the HAT is not usable: {Reason}", e.Message);
            }
            else
            {
                logger.LogInformation("Pan-tilt: none ({Reason})", e.Message);
            }

            return null;
        }

        try
        {
            var controller = new PanTiltController(hat, false, settings, timeProvider, logger);
            logger.LogInformation("Pan-tilt: HAT at {Device}, pointing at {Orientation}", settings.Hat.Describe(), controller.Orientation);
            return controller;
        }
        catch (PanTiltUnavailableException)
        {
            hat.Dispose();
            throw;
        }
    }
}
