namespace Analytics.Signals;

/// <summary>
/// Expensive analyses that several signals need, computed once per <see cref="SignalRequest"/> (and its copies made
/// with <c>with</c>, which share this object): rule evaluation and reports compute many signals over one request, and
/// the flaky-test signals and <c>ci.wasted_*</c> all need the same flaky-test analysis. It lives and dies with the
/// request, so it never serves an analysis of older data to a later request; it holds at most <see cref="Capacity"/>
/// analyses (the oldest goes first). It takes no part in the request's equality.
/// </summary>
internal sealed class SharedAnalyses
{
    /// <summary>
    /// How many analyses are kept at most: enough for every shared read of the whole catalogue over one request (about
    /// fifteen), each bounded by the request's period.
    /// </summary>
    public const int Capacity = 24;

    private readonly Lock _gate = new();
    private readonly List<(object Key, Lazy<Task<object>> Analysis)> _entries = [];

    /// <summary>
    /// The analysis for <paramref name="key"/> (equal keys, equal analyses), computed now by <paramref name="compute"/>
    /// unless it is kept or under way. A failed or cancelled analysis is not kept; a caller whose own token was not
    /// cancelled computes it again rather than inherit another caller's cancellation.
    /// </summary>
    /// <param name="key">What is analysed (a value with value equality).</param>
    /// <param name="compute">Computes the analysis.</param>
    /// <param name="cancellationToken">Cancels this caller's wait (and the computation when this caller started it).</param>
    public async Task<T> GetOrComputeAsync<T>(object key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        Lazy<Task<object>> analysis;
        var made = false;
        lock (_gate)
        {
            var index = _entries.FindIndex(e => e.Key.Equals(key));
            if (index >= 0)
            {
                analysis = _entries[index].Analysis;
            }
            else
            {
                analysis = new Lazy<Task<object>>(async () => await compute(cancellationToken));
                _entries.Add((key, analysis));
                made = true;
                if (_entries.Count > Capacity)
                {
                    _entries.RemoveAt(0);
                }
            }
        }

        try
        {
            // The caller that added the analysis computes it in its slot; one that finds it kept or under way waits
            // outside its slot (ComputeSlots), so another signal computes meanwhile.
            return made || (analysis.IsValueCreated && analysis.Value.IsCompleted)
                ? (T)await analysis.Value.WaitAsync(cancellationToken)
                : (T)await ComputeSlots.WaitOutsideAsync(() => analysis.Value.WaitAsync(cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                _entries.RemoveAll(entry => ReferenceEquals(entry.Analysis, analysis));
            }

            if (e is OperationCanceledException)
            {
                return await compute(cancellationToken);
            }

            throw;
        }
    }

    /// <summary>The keys of the analyses kept now, oldest first (for tests: which loads a signal makes).</summary>
    internal IReadOnlyList<object> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Select(e => e.Key)];
            }
        }
    }

    /// <summary>Every instance equals every other: shared analyses are a cache, not part of what a request asks for.</summary>
    public override bool Equals(object? obj) => obj is SharedAnalyses;

    /// <summary>The same for every instance (see <see cref="Equals"/>).</summary>
    public override int GetHashCode() => 0;
}
