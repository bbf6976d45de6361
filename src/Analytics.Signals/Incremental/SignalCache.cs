using System.Globalization;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Caching;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Computes signals through a cache of their windows kept in the store (migration 0013), recomputing after a batch
/// only the windows the batch can have changed, as each signal's <see cref="SignalFootprint"/> declares: the result
/// equals a full computation (docs/signals/incremental.md). Safe to share between requests; one instance per process.
/// </summary>
/// <param name="time">The clock the store stamps <c>changed_at</c> with (the same provider the store was opened with).</param>
public sealed class SignalCache(TimeProvider time)
{
    /// <summary>
    /// The default <see cref="Margin"/>: 10 minutes. A write transaction stamps its rows' <c>changed_at</c> when it
    /// writes them but makes them visible when it commits; rows stamped up to this long before a watermark are looked at
    /// again, so a transaction that commits up to this long after the watermark was taken is not missed.
    /// </summary>
    public static readonly TimeSpan DefaultMargin = TimeSpan.FromMinutes(10);

    /// <summary>How far before a key's watermark changes are looked for again (default <see cref="DefaultMargin"/>).</summary>
    public TimeSpan Margin { get; init; } = DefaultMargin;

    /// <summary>
    /// Computes <paramref name="signals"/> over <paramref name="request"/> through the cache, at most
    /// <paramref name="parallelism"/> at once, as <see cref="SignalBatch.ComputeAsync"/> does without it: they share the
    /// request, so a recomputed span's analysis is made once for the signals that need it (their spans are equal
    /// requests when their footprints reach the same windows).
    /// </summary>
    /// <param name="signals">The signals.</param>
    /// <param name="request">The request they are computed over.</param>
    /// <param name="parallelism">How many are computed at once (at least 1).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>Each signal's result, in the order of <paramref name="signals"/>.</returns>
    /// <exception cref="StoreException">The store cannot be read or written.</exception>
    public async Task<IReadOnlyList<SignalCacheResult>> ComputeAllAsync(
        IReadOnlyList<ISignal> signals, SignalRequest request, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var results = new SignalCacheResult[signals.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, signals.Count),
            options,
            async (index, token) => results[index] = await ComputeAsync(signals[index], request, token));
        return results;
    }

    /// <summary>
    /// Computes <paramref name="signal"/> for <paramref name="request"/>: from the cache where nothing it reads changed
    /// since the cached windows were computed, recomputing the windows a change can have reached, and caches the result.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be read or written.</exception>
    public async Task<SignalCacheResult> ComputeAsync(ISignal signal, SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(request);
        var footprint = SignalFootprints.For(signal.Name, request);
        if (footprint is null)
        {
            return new SignalCacheResult(await signal.ComputeAsync(request, cancellationToken), SignalCacheOutcome.Uncached, 0, 0, 0, "no footprint");
        }

        // The watermark is taken before anything is read: a row changed while the signal computes is seen next time.
        var watermark = time.GetUtcNow();
        var key = CacheKey.Of(signal, request, footprint.RecomputedWhole);
        var store = request.Store;
        SignalCacheEntry? entry = null;
        await foreach (var found in store.ReadAsync(Entities.SignalCacheEntries, StoreQuery.All.Where("cache_key", key), cancellationToken))
        {
            entry = found;
        }

        if (entry is null)
        {
            return await FullAsync(signal, request, key, watermark, 0, "not cached", cancellationToken);
        }

        if (entry.RequestTo > request.To)
        {
            return await FullAsync(signal, request, key, watermark, 0, "shorter period than cached", cancellationToken);
        }

        if (footprint.RecomputedWhole && entry.RequestTo != request.To)
        {
            return await FullAsync(signal, request, key, watermark, 0, "period changed", cancellationToken);
        }

        var changes = await ChangeScanner.ScanAsync(store, footprint, entry.Watermark - Margin, cancellationToken);
        if (changes.Everything)
        {
            return await FullAsync(signal, request, key, watermark, changes.ChangedRows, "a change reaches every window", cancellationToken);
        }

        var spans = changes.Spans.ToList();
        if (request.To > entry.RequestTo)
        {
            spans.Add((entry.RequestTo, request.To));
        }

        var merged = ChangedSpans.MergeWithin(spans.Select(s => ToWindowEdges(s, request)), request.From, request.To);
        var cached = await LoadAsync(store, entry, request.Granularity, cancellationToken);
        var total = AllWindows(request).Count;
        if (merged.Count == 0)
        {
            await SaveAsync(store, signal, request, key, watermark, cached, [], cancellationToken);
            return new SignalCacheResult(cached.ToSeries(), SignalCacheOutcome.Reused, 0, total, changes.ChangedRows, "nothing changed");
        }

        var recomputedWindows = new HashSet<TimeWindow>();
        foreach (var (start, end) in merged)
        {
            var recomputed = await signal.ComputeAsync(request with { From = start, To = end }, cancellationToken);
            if (!cached.Splice(recomputed, start, end, request.To))
            {
                return await FullAsync(signal, request, key, watermark, changes.ChangedRows, "series appeared or vanished", cancellationToken);
            }

            // Every window of the span is written again, the empty ones too, so no point of an older result outlives it.
            var spanWindows = Zones(request).SelectMany(zone => TimeWindow.Covering(start, end, request.Granularity, zone)).ToList();
            recomputedWindows.UnionWith(spanWindows);
            cached.Touched.UnionWith(spanWindows);
        }

        await SaveAsync(store, signal, request, key, watermark, cached, cached.Touched, cancellationToken);
        // Windows outside the spans may be rewritten too (a new series gets its empty points there) but are not computed.
        return new SignalCacheResult(
            cached.ToSeries(), SignalCacheOutcome.Incremental, recomputedWindows.Count, Math.Max(0, total - recomputedWindows.Count), changes.ChangedRows,
            string.Create(CultureInfo.InvariantCulture, $"{merged.Count} changed span(s) from {merged[0].Start:yyyy-MM-dd}"));
    }

    private static async Task<SignalCacheResult> FullAsync(
        ISignal signal, SignalRequest request, string key, DateTimeOffset watermark, int changedRows, string reason, CancellationToken cancellationToken)
    {
        var series = await signal.ComputeAsync(request, cancellationToken);
        var result = CachedResult.FromSeries(series, request);

        // Every window of the period is written, the empty ones too, so no point of an earlier result outlives it.
        var windows = AllWindows(request).Concat(result.Windows).ToHashSet();
        await SaveAsync(request.Store, signal, request, key, watermark, result, windows, cancellationToken);
        return new SignalCacheResult(series, SignalCacheOutcome.Full, windows.Count, 0, changedRows, reason);
    }

    private static async Task<CachedResult> LoadAsync(IStore store, SignalCacheEntry entry, Granularity granularity, CancellationToken cancellationToken)
    {
        var points = new List<(int, SeriesPoint)>();
        await foreach (var window in store.ReadAsync(Entities.SignalCacheWindows, StoreQuery.All.Where("cache_key", entry.CacheKey), cancellationToken))
        {
            var day = DateOnly.ParseExact(window.FirstDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            points.AddRange(CachedSeriesCodec.ReadPoints(window.Points, new TimeWindow(day, granularity, window.TimeZone)));
        }

        return CachedResult.Load(CachedSeriesCodec.ReadSeries(entry.Series), points, granularity, entry.RequestFrom, entry.RequestTo);
    }

    private static async Task SaveAsync(
        IStore store, ISignal signal, SignalRequest request, string key, DateTimeOffset watermark, CachedResult result,
        IReadOnlyCollection<TimeWindow> windows, CancellationToken cancellationToken)
    {
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.LockAsync("signal-cache:" + key, cancellationToken);
        await foreach (var current in writer.ReadAsync(Entities.SignalCacheEntries, StoreQuery.All.Where("cache_key", key), cancellationToken))
        {
            if (current.Watermark > watermark)
            {
                // Another computation saw a later store: keep its windows.
                return;
            }
        }

        var rows = windows
            .Select(w => new SignalCacheWindow(key, w.TimeZone, w.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CachedSeriesCodec.WritePoints(result.PointsIn(w))))
            .ToList();
        if (rows.Count > 0)
        {
            await writer.UpsertAsync(Entities.SignalCacheWindows, rows, cancellationToken);
        }

        var entry = new SignalCacheEntry(key, signal.Name, request.From, request.To, watermark, CachedSeriesCodec.WriteSeries(result.Heads));
        await writer.UpsertAsync(Entities.SignalCacheEntries, [entry], cancellationToken);
        await writer.CommitAsync(cancellationToken);
    }

    // A span widened to whole windows. The window containing a request's end is computed only up to that end by signals
    // that read Before(…, To), so a span must end where its last window ends (or at the request's end, as the full
    // computation does). With one time zone that is the end of the span's last window; teams in several zones have
    // windows ending at different instants, and a span ending on one zone's edge cuts another's window: then the span
    // runs to the request's end.
    private static (DateTimeOffset Start, DateTimeOffset End) ToWindowEdges((DateTimeOffset Start, DateTimeOffset End) span, SignalRequest request)
    {
        var zones = Zones(request).ToList();
        if (span.End <= request.From || span.Start >= request.To)
        {
            // Outside the period: dropped.
            return span;
        }

        if (zones.Count != 1 || span.End >= request.To)
        {
            return (span.Start, request.To);
        }

        var start = span.Start <= request.From ? span.Start : TimeWindow.Containing(span.Start, request.Granularity, zones[0]).Start;
        return (start, TimeWindow.Containing(span.End.AddTicks(-1), request.Granularity, zones[0]).End);
    }

    // Every window of the request, per time zone of its teams.
    private static HashSet<TimeWindow> AllWindows(SignalRequest request) =>
        Zones(request).SelectMany(zone => TimeWindow.Covering(request.From, request.To, request.Granularity, zone)).ToHashSet();

    private static IEnumerable<string> Zones(SignalRequest request) => request.Teams.Select(t => t.TimeZone).Distinct(StringComparer.Ordinal);
}
