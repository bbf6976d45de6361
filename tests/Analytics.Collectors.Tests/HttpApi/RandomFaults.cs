namespace Analytics.Collectors.Tests.HttpApi;

/// <summary>
/// A <see cref="LoopbackServer.Override"/> that answers about one request in five with a fault, taking the faults in
/// turn, and the others normally. Seeded, so a run meets the same faults each time; thread-safe.
/// </summary>
/// <param name="faults">The faults to answer with: the n-th fault served is <c>faults[n % faults.Length]</c>.</param>
public sealed class RandomFaults(params LoopbackResponse[] faults)
{
    private readonly Random _random = new(20);
    private readonly Lock _lock = new();
    private int _count;

    /// <summary>How many faults were served so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>A fault for about one request in five, else null (the server answers normally).</summary>
    public LoopbackResponse? Next(LoopbackRequest request)
    {
        lock (_lock)
        {
            if (_random.NextDouble() >= 0.2)
            {
                return null;
            }

            _count++;
            return faults[_count % faults.Length];
        }
    }
}
