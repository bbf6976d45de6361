namespace Analytics.Benchmarks.Import;

/// <summary>Samples the managed heap's size on a timer and keeps the largest value seen.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    /// <summary>Starts sampling now and every <paramref name="interval"/>.</summary>
    public MemorySampler(TimeSpan interval)
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    /// <summary>The largest managed heap seen so far, in bytes (live and not yet collected objects).</summary>
    public long PeakManagedHeapBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        var seen = Interlocked.Read(ref _peak);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _peak, now, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
