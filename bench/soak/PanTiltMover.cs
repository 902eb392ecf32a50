using System.Globalization;

namespace PiStream.Soak;

/// <summary>With <c>--pantilt</c>: sweeps the camera every 2 s through <c>/do_orient</c> and counts the answers by status code.</summary>
internal sealed class PanTiltMover(HttpClient http)
{
    private readonly Dictionary<int, long> _answers = [];

    public long Requests { get; private set; }

    public IReadOnlyDictionary<int, long> Answers
    {
        get
        {
            lock (_answers)
            {
                return new Dictionary<int, long>(_answers);
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var step = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var pan = (step * 17 % 161) - 80;
                var tilt = (step * 7 % 101) - 50;
                step++;
                using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/do_orient?pan={pan}&tilt={tilt}"), cancellationToken);
                Requests++;
                lock (_answers)
                {
                    _answers[(int)response.StatusCode] = _answers.GetValueOrDefault((int)response.StatusCode) + 1;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }
}
