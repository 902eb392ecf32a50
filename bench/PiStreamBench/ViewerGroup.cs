namespace PiStream.Bench;

/// <summary>A set of light viewers measured together over one window.</summary>
internal sealed class ViewerGroup : IAsyncDisposable
{
    private readonly List<ViewerClient> _clients = [];

    public int Count => _clients.Count;

    public IReadOnlyList<ViewerClient> Clients => _clients;

    /// <summary>Connects <paramref name="count"/> more viewers, all at once. Returns the errors of those that failed.</summary>
    public async Task<IReadOnlyList<Exception>> AddAsync(Uri uri, int count, CancellationToken cancellationToken)
    {
        var attempts = Enumerable.Range(0, count).Select(_ => ViewerClient.ConnectAsync(uri, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
        {
            // Counted below, per viewer.
        }

        _clients.AddRange(attempts.Where(a => a.IsCompletedSuccessfully).Select(a => a.Result));
        return [.. attempts.Where(a => !a.IsCompletedSuccessfully).Select(a => (Exception?)a.Exception?.GetBaseException() ?? new OperationCanceledException())];
    }

    /// <summary>Counts frames for <paramref name="window"/>; returns frames per second of each viewer.</summary>
    public async Task<double[]> MeasureAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        foreach (var client in _clients)
        {
            client.Restart();
            client.Measuring = true;
        }

        var started = DateTime.UtcNow;
        await Task.Delay(window, cancellationToken);
        foreach (var client in _clients)
        {
            client.Measuring = false;
        }

        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        return [.. _clients.Select(c => c.Frames / seconds)];
    }

    public double[] Delays() => [.. _clients.SelectMany(c => c.Delays())];

    public long Bytes() => _clients.Sum(c => c.Bytes);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_clients.Select(c => c.DisposeAsync().AsTask()));
        _clients.Clear();
    }
}
