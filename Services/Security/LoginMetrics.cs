using System.Diagnostics.Metrics;

namespace PiStream.Services.Security;

/// <summary>The login instrument of meter "PiStream": <c>pistream.logins.failed</c>, requests with a wrong user name or password (observed at scrape time, so it is exported from the start).</summary>
internal sealed class LoginMetrics
{
    private long _failed;

    public LoginMetrics(IMeterFactory meters) =>
        meters.Create("PiStream").CreateObservableCounter("pistream.logins.failed", () => Interlocked.Read(ref _failed), "{login}", "Requests with a wrong user name or password");

    public void Failed() => Interlocked.Increment(ref _failed);
}
