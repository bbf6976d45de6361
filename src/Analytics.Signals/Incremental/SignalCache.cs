using System.Diagnostics;
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
    /// The default <see cref="KeepFor"/>: 14 days. A key holds a request's start window and the signals code's version,
    /// so a rolling period moves to a new key every week and a new release to new keys for every signal; the old ones are
    /// never read again.
    /// </summary>
    public static readonly TimeSpan DefaultKeepFor = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a key no pass has used is kept (default <see cref="DefaultKeepFor"/>): each pass removes the keys whose
    /// watermark is older, with their windows, so the cache does not grow with every week and release.
    /// </summary>
    public TimeSpan KeepFor { get; init; } = DefaultKeepFor;

    /// <summary>
    /// Where a pass's time goes, one line at a time (<see cref="ComputeAllAsync"/>: planning, each round's request and
    /// signals, finishing); null (the default) for none. The benchmark writes it to standard error.
    /// </summary>
    public Action<string>? Trace { get; init; }

    /// <summary>
    /// How much longer than a signal's own span a shared span may be for the signal to be recomputed over it: sharing a
    /// span shares its loads (the family reads, the flaky analysis), at the cost of recomputing a few more windows.
    /// </summary>
    private const int SharedSpanStretch = 2;

    /// <summary>
    /// Computes <paramref name="signals"/> over <paramref name="request"/> through the cache, at most
    /// <paramref name="parallelism"/> at once, as <see cref="SignalBatch.ComputeAsync"/> does without it. First every
    /// signal's changes are found (each entity's changed rows read once for all of them); then the signals computed
    /// whole share the request, and the incremental ones are recomputed over a few common spans, each one request, so
    /// the loads a family shares are made once per span rather than once per signal.
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

        // One watermark for the pass, taken before anything is read: the next pass looks for changes since one instant
        // for every signal, so the changed rows read for one serve them all.
        var watermark = time.GetUtcNow();
        var phase = Stopwatch.StartNew();
        var footprints = signals.Select(s => SignalFootprints.For(s.Name, request)).ToArray();
        var memo = new ChangedRowsMemo(request.Store, footprints.OfType<SignalFootprint>());
        var teams = new TeamAttribution(request.Teams);
        var plans = new SignalCachePlan[signals.Count];
        await ComputeSlots.RunAsync(
            signals.Count,
            parallelism,
            async (index, token) => plans[index] = await PlanAsync(signals[index], footprints[index], request, watermark, memo, teams, token),
            cancellationToken);

        // The signals computed whole share the request; each common span is one request of its own, for the teams it
        // reached (with its own shared analyses, so one span's loads do not push another's out); the rounds share the slots.
        // A signal's spans alike but for different teams are one request over all their teams: a per-team signal gives
        // each team in a part of the request what the whole request gives it (SignalFootprints.PerTeam), so each span
        // takes its own teams' series from it, and the family loads are made once for every team a batch reached, not
        // once per team; signals whose spans ask for the same request share it.
        // A series of no team is kept in every span's share, so the splice refuses it as it would from a part alone.
        // An incremental signal sharing a load with one computed whole is recomputed over the whole request, where that
        // load is made anyway (SignalFootprints.SharedLoads); recomputing more windows than the batch reached is correct.
        Trace?.Invoke(Line($"planned {signals.Count} signals: {phase.Elapsed.TotalSeconds:0.00} s"));
        var whole = plans.Where(p => p.ComputedWhole).Select(p => p.Signal.Name).ToHashSet(StringComparer.Ordinal);
        var alongWhole = Enumerable.Range(0, plans.Length)
            .Where(i => plans[i].Incremental && SignalFootprints.SharedLoads.Any(g => g.Contains(plans[i].Signal.Name) && g.Any(whole.Contains)))
            .ToHashSet();
        var common = CommonSpans(plans, alongWhole, request);
        var everything = new ReachedSpan(request.From, request.To, null);
        foreach (var index in alongWhole)
        {
            common[index] = [everything];
        }

        var computed = new Dictionary<(int Index, ReachedSpan Span), IReadOnlyList<Series.Series>>();
        // Each round's request is kept apart from its spans and signals, so that it can be let go when the round is done.
        var requests = new List<SignalRequest?> { request };
        var rounds = new List<(IReadOnlyList<ReachedSpan> Spans, List<int> Indexes)>
        {
            ([everything], Enumerable.Range(0, plans.Length).Where(i => plans[i].ComputedWhole || alongWhole.Contains(i)).ToList()),
        };
        // A signal's spans alike (the same start and end) are one request over all their teams; signals asking for the
        // same request share it. Not every span alike in one request: a signal reaching every team would drag the signals
        // that reached a few into a request over every team.
        var alikeRounds = new Dictionary<(DateTimeOffset Start, DateTimeOffset End, TeamSet? Teams), (HashSet<ReachedSpan> Spans, List<int> Indexes)>();
        var everyId = new TeamSet(request.Teams.Select(t => t.Id));
        foreach (var (index, spans) in common.Where(c => !alongWhole.Contains(c.Key)).OrderBy(c => c.Key))
        {
            foreach (var alike in spans.GroupBy(s => (s.Start, s.End)))
            {
                var teamsOf = alike.Any(s => s.Teams is null) ? null : new TeamSet(alike.SelectMany(s => s.Teams!.Ids));
                var key = (alike.Key.Start, alike.Key.End, teamsOf is null || teamsOf.Equals(everyId) ? null : teamsOf);
                if (!alikeRounds.TryGetValue(key, out var round))
                {
                    alikeRounds[key] = round = ([], []);
                }

                round.Spans.UnionWith(alike);
                round.Indexes.Add(index);
            }
        }

        foreach (var ((start, end, teamsOf), (spans, indexes)) in alikeRounds
            .OrderBy(r => r.Key.Start).ThenBy(r => r.Key.End).ThenBy(r => r.Key.Teams is null).ThenBy(r => r.Key.Teams?.ToString(), StringComparer.Ordinal))
        {
            var over = teamsOf is null ? request.Over(start, end) : request.Over(start, end, teamsOf.Of(request));
            requests.Add(over);
            rounds.Add(([.. spans], indexes));
        }

        // Every round's signals share one set of slots, the rounds in order: a round of one or two signals (the truck
        // factor and change points over the year, lead time over a fortnight) no longer leaves a core idle while its
        // last signal finishes, as it did when each round waited for the one before. The rounds are separate requests,
        // with loads of their own, so nothing one computes depends on another; a span's request, and with it its
        // loads, is let go as soon as its round's last signal is done (the whole round's is the caller's).
        // The longest first (SignalBatch's order): rounds over the longest span (the year's, recomputed whole), and within
        // a span the signals SignalCatalog.StartFirst names, so that short rounds fill the cores at the end.
        var work = rounds
            .SelectMany((round, r) => round.Indexes.Select((signal, i) => (Round: r, Item: i, Signal: signal)))
            .OrderByDescending(w => requests[w.Round]!.To - requests[w.Round]!.From)
            .ThenBy(w => SignalCatalog.StartRank(signals[w.Signal].Name))
            .Select(w => (w.Round, w.Item))
            .ToArray();
        var series = rounds.Select(round => new IReadOnlyList<Series.Series>[round.Indexes.Count]).ToArray();
        var left = rounds.Select(round => round.Indexes.Count).ToArray();
        var started = Enumerable.Repeat(-1L, rounds.Count).ToArray(); // a round's first start (Stopwatch.GetTimestamp)
        await ComputeSlots.RunAsync(
            work.Length,
            parallelism,
            async (w, token) =>
            {
                var (r, i) = work[w];
                var indexes = rounds[r].Indexes;
                var over = requests[r]!;
                Interlocked.CompareExchange(ref started[r], Stopwatch.GetTimestamp(), -1);
                series[r][i] = await signals[indexes[i]].ComputeAsync(over, token);
                if (Interlocked.Decrement(ref left[r]) == 0)
                {
                    requests[r] = null;
                    var took = Stopwatch.GetElapsedTime(started[r]);
                    Trace?.Invoke(Line($"round {over.From:yyyy-MM-dd HH:mm} to {over.To:yyyy-MM-dd HH:mm}, {over.Teams.Count} teams, {indexes.Count} signals ({string.Join(", ", indexes.Select(x => signals[x].Name))}): {took.TotalSeconds:0.00} s"));
                }
            },
            cancellationToken);

        for (var r = 0; r < rounds.Count; r++)
        {
            var (spans, indexes) = rounds[r];
            for (var i = 0; i < indexes.Count; i++)
            {
                var own = common.GetValueOrDefault(indexes[i], [everything]);
                foreach (var span in spans.Where(own.Contains))
                {
                    computed[(indexes[i], span)] = span.Teams is { } teamsOfSpan
                        ? [.. series[r][i].Where(s => s.Labels["team"] is not { } team || teamsOfSpan.Ids.Contains(team))]
                        : series[r][i];
                }
            }
        }

        phase.Restart();
        var results = new SignalCacheResult[signals.Count];
        await ComputeSlots.RunAsync(
            signals.Count,
            parallelism,
            async (index, token) => results[index] = await FinishAsync(
                plans[index], request, watermark, common.GetValueOrDefault(index, []), span => computed[(index, span)], teams, token),
            cancellationToken);
        await PruneAsync(request.Store, watermark - KeepFor, cancellationToken);
        Trace?.Invoke(Line($"finished: {phase.Elapsed.TotalSeconds:0.00} s"));
        return results;
    }

    private static string Line(FormattableString line) => line.ToString(CultureInfo.InvariantCulture);

    // Removes the keys no pass has used since `before`, with their windows: one transaction per key, under the key's lock
    // (a pass saving the key at the same time waits, and finds its entry gone: SaveAsync then writes every window).
    private static async Task PruneAsync(IStore store, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await foreach (var entry in store.ReadAsync(Entities.SignalCacheEntries, StoreQuery.All.Before("watermark", before), cancellationToken))
        {
            stale.Add(entry.CacheKey);
        }

        foreach (var key in stale)
        {
            await using var writer = await store.BeginWriteAsync(cancellationToken);
            await writer.LockAsync("signal-cache:" + key, cancellationToken);
            var still = false;
            await foreach (var entry in writer.ReadAsync(Entities.SignalCacheEntries, StoreQuery.All.Where("cache_key", key), cancellationToken))
            {
                still = entry.Watermark < before;
            }

            if (!still)
            {
                continue;
            }

            var windows = new List<object[]>();
            await foreach (var window in writer.ReadAsync(Entities.SignalCacheWindows, StoreQuery.All.Where("cache_key", key), cancellationToken))
            {
                windows.Add([window.CacheKey, window.TimeZone, window.FirstDay]);
            }

            await writer.DeleteAsync(Entities.SignalCacheWindows, windows, cancellationToken);
            await writer.DeleteAsync(Entities.SignalCacheEntries, [[key]], cancellationToken);
            await writer.CommitAsync(cancellationToken);
        }
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
        return (await ComputeAllAsync([signal], request, 1, cancellationToken))[0];
    }

    // Phase 1: what the cache holds for the signal and which spans the changes since its watermark reach.
    private async Task<SignalCachePlan> PlanAsync(
        ISignal signal, SignalFootprint? footprint, SignalRequest request, DateTimeOffset watermark, ChangedRowsMemo memo, TeamAttribution teams,
        CancellationToken cancellationToken)
    {
        if (footprint is null)
        {
            return new SignalCachePlan(signal, null, null, [], 0, "no footprint");
        }

        var key = CacheKey.Of(signal, request, footprint.RecomputedWhole);
        var store = request.Store;
        SignalCacheEntry? entry = null;
        await foreach (var found in store.ReadAsync(Entities.SignalCacheEntries, StoreQuery.All.Where("cache_key", key), cancellationToken))
        {
            entry = found;
        }

        if (entry is null)
        {
            return new SignalCachePlan(signal, key, null, [], 0, "not cached");
        }

        if (entry.RequestTo > request.To)
        {
            return new SignalCachePlan(signal, key, null, [], 0, "shorter period than cached");
        }

        if (footprint.RecomputedWhole && entry.RequestTo != request.To)
        {
            return new SignalCachePlan(signal, key, null, [], 0, "period changed");
        }

        var changes = await ChangeScanner.ScanAsync(store, footprint, entry.Watermark - Margin, memo, footprint.PerTeam ? teams : null, cancellationToken);
        if (changes.Everything)
        {
            return new SignalCachePlan(signal, key, null, [], changes.ChangedRows, "a change reaches every window");
        }

        var spans = changes.Spans.ToList();
        if (request.To > entry.RequestTo)
        {
            spans.Add(new ReachedSpan(entry.RequestTo, request.To, null));
        }

        var merged = MergeByTeam(spans, request);
        if (merged.Count == 0 && changes.ChangedRows > 0 && footprint.SeriesSetOfWholeStore)
        {
            // A change outside the period (a sprint starting after it) reaches no window, yet may change which series it has.
            return new SignalCachePlan(signal, key, null, [], changes.ChangedRows, "a change outside the period can change which series it has");
        }

        var cached = await LoadAsync(store, entry, request.Granularity, cancellationToken);
        if (merged.Count == 0)
        {
            await SaveAsync(store, signal, request, key, watermark, cached, [], cancellationToken);
            var reused = new SignalCacheResult(cached.ToSeries(), SignalCacheOutcome.Reused, 0, TeamWindows(request, [new ReachedSpan(request.From, request.To, null)]).Count, changes.ChangedRows, "nothing changed");
            return new SignalCachePlan(signal, key, cached, [], changes.ChangedRows, "nothing changed") { Done = reused };
        }

        return new SignalCachePlan(
            signal, key, cached, merged, changes.ChangedRows,
            string.Create(CultureInfo.InvariantCulture, $"{merged.Count} changed span(s) from {merged.Min(m => m.Start):yyyy-MM-dd}{Part(merged, request)}"));
    }

    // The spans the incremental signals are recomputed over, by signal. Spans ending at the same instant, whichever teams
    // they reach (a recent batch's all end at the period's end), share the earliest start that is at most SharedSpanStretch
    // times as long as their own, among the signals of one SharedLoads group, or among the signals of none: starting
    // earlier only recomputes more windows, which is always correct (a span's first window is computed whole), and signals sharing a load then ask for the same request (the change failure rate and
    // the recovery time, whose changes reach back differently); the end is kept, as a span must end on a window's edge.
    // A start is first moved back to the start of its window (the earliest among its teams' zones): the window is
    // computed whole anyway, and changes a few hours apart (a recent batch's rows, per team) then ask for one request
    // instead of one each. Signals sharing a load share their group's earliest start whatever the stretch.
    private static Dictionary<int, IReadOnlyList<ReachedSpan>> CommonSpans(SignalCachePlan[] plans, HashSet<int> apart, SignalRequest request)
    {
        // The zones of the teams a span reaches: another zone's earlier window start would add a window for these teams.
        var zonesOf = new Dictionary<TeamSet, IReadOnlyList<string>>();
        var everyZone = Zones(request).ToList();
        IReadOnlyList<string> ZonesOf(TeamSet? teams) =>
            teams is null ? everyZone
            : zonesOf.TryGetValue(teams, out var known) ? known
            : zonesOf[teams] = [.. request.Teams.Where(t => teams.Ids.Contains(t.Id)).Select(t => t.TimeZone).Distinct(StringComparer.Ordinal)];
        DateTimeOffset WindowStart(ReachedSpan span) =>
            span.Start <= request.From || ZonesOf(span.Teams) is not { Count: > 0 } zones
                ? span.Start
                : zones.Min(zone => TimeWindow.Containing(span.Start, request.Granularity, zone).Start) is var aligned && aligned > request.From ? aligned : request.From;
        // A signal sharing an expensive load (SignalFootprints.SharedLoads) shares starts within its group only: an earlier
        // start taken from an unrelated signal (a review reaching back a week) would stretch the load (a week more of
        // the flaky-test analysis) and share nothing, as the rounds of other signals are requests of their own.
        var groupOf = new int[plans.Length];
        for (var i = 0; i < plans.Length; i++)
        {
            groupOf[i] = SignalFootprints.SharedLoads.ToList().FindIndex(g => g.Contains(plans[i].Signal.Name));
        }

        var starts = new Dictionary<(int Group, ReachedSpan Span), DateTimeOffset>();
        var own = plans.SelectMany((p, i) => p.Incremental && !apart.Contains(i) ? p.Spans.Select(s => (Group: groupOf[i], Span: s)) : []).Distinct();
        foreach (var sameEnd in own.GroupBy(s => (s.Group, s.Span.End)))
        {
            DateTimeOffset? shared = null;
            foreach (var (group, span, start) in sameEnd.Select(s => (s.Group, s.Span, Start: WindowStart(s.Span))).OrderBy(s => s.Start))
            {
                if (shared is not { } earlier || (span.End - earlier).Ticks > SharedSpanStretch * (span.End - start).Ticks)
                {
                    shared = start;
                }

                starts[(group, span)] = shared.Value;
            }
        }

        var common = new Dictionary<int, IReadOnlyList<ReachedSpan>>();
        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i].Incremental && !apart.Contains(i))
            {
                common[i] = plans[i].Spans.Select(s => s with { Start = starts[(groupOf[i], s)] }).Distinct().ToList();
            }
        }

        // Signals sharing an expensive load (SignalFootprints.SharedLoads: the flaky-test analysis, the ticket family)
        // take the group's earliest start for spans ending together, however unlike their lengths: spans of the same
        // start, end and teams are one request, so the load is made once rather than once per start.
        foreach (var group in SignalFootprints.SharedLoads)
        {
            var members = common.Keys.Where(i => group.Contains(plans[i].Signal.Name)).ToList();
            var earliest = members.SelectMany(i => common[i]).GroupBy(s => s.End).ToDictionary(g => g.Key, g => g.Min(s => s.Start));
            foreach (var i in members)
            {
                common[i] = common[i].Select(s => s with { Start = earliest[s.End] }).Distinct().ToList();
            }
        }

        return common;
    }

    // Phase 3: the signal's series, spliced into its cached windows or cached whole.
    private static async Task<SignalCacheResult> FinishAsync(
        SignalCachePlan plan, SignalRequest request, DateTimeOffset watermark, IReadOnlyList<ReachedSpan> spans,
        Func<ReachedSpan, IReadOnlyList<Series.Series>> computedOver, TeamAttribution teams, CancellationToken cancellationToken)
    {
        if (plan.Done is { } done)
        {
            return done;
        }

        var signal = plan.Signal;
        if (plan.Key is not { } key)
        {
            return new SignalCacheResult(computedOver(new ReachedSpan(request.From, request.To, null)), SignalCacheOutcome.Uncached, 0, 0, 0, plan.Reason);
        }

        if (plan.Cached is not { } cached)
        {
            return await SaveWholeAsync(signal, request, key, watermark, computedOver(new ReachedSpan(request.From, request.To, null)), plan.ChangedRows, plan.Reason, cancellationToken);
        }

        var keeps = signal is IKeepsSeriesOverPeriod filter ? filter.Keeps : (Func<Series.Series, bool>?)null;
        var wholeStoreSeries = SignalFootprints.SeriesSetOfWholeStore.Contains(signal.Name);
        foreach (var span in spans)
        {
            var (start, end) = (span.Start, span.End);
            var recomputed = computedOver(span);
            // Which series it has depends on the whole store: a span with other series than the cache's cannot say what
            // the windows it did not reach hold (SignalFootprint.SeriesSetOfWholeStore).
            if (wholeStoreSeries && !cached.Heads.Select(h => h.Labels).ToHashSet().SetEquals(recomputed.Select(r => r.Labels)))
            {
                var series = await signal.ComputeAsync(request, cancellationToken);
                return await SaveWholeAsync(signal, request, key, watermark, series, plan.ChangedRows, "its set of series changed", cancellationToken);
            }

            if (!cached.Splice(recomputed, start, end, request.To, span.Teams?.Ids, keeps))
            {
                // What the span cannot tell, the whole period of the teams concerned does; failing that, the whole request.
                var refused = Refused(cached, signal, span, recomputed, request, teams, keeps);
                var spliced = refused is not null
                    && (refused.Count == 0 || await SpliceWholePeriodAsync(cached, signal, request, refused, keeps, cancellationToken));
                if (!spliced)
                {
                    var series = await signal.ComputeAsync(request, cancellationToken);
                    return await SaveWholeAsync(signal, request, key, watermark, series, plan.ChangedRows, "series appeared or vanished", cancellationToken);
                }

                if (refused!.Count > 0)
                {
                    (start, end) = (request.From, request.To);
                }
            }

            // Every window of the span is written again, the empty ones too, so no point of an older result outlives it.
            cached.Touched.UnionWith(Covering(request, start, end));
        }

        await SaveAsync(request.Store, signal, request, key, watermark, cached, cached.Touched, cancellationToken);

        // The teams' windows the batch reached for this signal; a shared span may have computed a few more (not counted, so
        // the figure says what the footprint asked for). Windows outside the spans may be rewritten too (a new series gets
        // its empty points there) but are not computed.
        var reached = TeamWindows(request, plan.Spans).Count;
        var all = TeamWindows(request, [new ReachedSpan(request.From, request.To, null)]).Count;
        return new SignalCacheResult(cached.ToSeries(), SignalCacheOutcome.Incremental, reached, Math.Max(0, all - reached), plan.ChangedRows, plan.Reason);
    }

    // The teams whose windows a refused span cannot tell: the span's own teams; for a span of every team and a per-team
    // signal, the groups of teams (sharing a repository or service) still refused when spliced group by group, the
    // others spliced. Null when only the whole request will do: the span is the whole period already, or the signal's
    // teams cannot be told apart (not per team, or a series of no team).
    private static List<TeamSet>? Refused(
        CachedResult cached, ISignal signal, ReachedSpan span, IReadOnlyList<Series.Series> recomputed, SignalRequest request,
        TeamAttribution teams, Func<Series.Series, bool>? keeps)
    {
        if ((span.Start, span.End) == (request.From, request.To))
        {
            return null;
        }

        if (span.Teams is { } part)
        {
            return [part];
        }

        if (!SignalFootprints.PerTeam.Contains(signal.Name) || recomputed.Any(s => s.Labels["team"] is null))
        {
            return null;
        }

        return teams.Groups
            .Where(group => !cached.Splice(
                [.. recomputed.Where(s => group.Ids.Contains(s.Labels["team"]!))], span.Start, span.End, request.To, group.Ids, keeps))
            .ToList();
    }

    // The refused teams recomputed over the whole period (a part of the request: their series depend only on their own
    // records) and spliced; false when even that cannot be spliced.
    private static async Task<bool> SpliceWholePeriodAsync(
        CachedResult cached, ISignal signal, SignalRequest request, IReadOnlyList<TeamSet> refused, Func<Series.Series, bool>? keeps,
        CancellationToken cancellationToken)
    {
        var part = new TeamSet(refused.SelectMany(g => g.Ids));
        var series = await signal.ComputeAsync(request.Over(request.From, request.To, part.Of(request)), cancellationToken);
        return cached.Splice(series, request.From, request.To, request.To, part.Ids, keeps);
    }

    private static async Task<SignalCacheResult> SaveWholeAsync(
        ISignal signal, SignalRequest request, string key, DateTimeOffset watermark, IReadOnlyList<Series.Series> series, int changedRows, string reason,
        CancellationToken cancellationToken)
    {
        var result = CachedResult.FromSeries(series, request);

        await SaveAsync(request.Store, signal, request, key, watermark, result, EveryWindow(request, result), cancellationToken);
        return new SignalCacheResult(series, SignalCacheOutcome.Full, TeamWindows(request, [new ReachedSpan(request.From, request.To, null)]).Count, 0, changedRows, reason);
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
        var stored = false;
        await foreach (var current in writer.ReadAsync(Entities.SignalCacheEntries, StoreQuery.All.Where("cache_key", key), cancellationToken))
        {
            if (current.Watermark > watermark)
            {
                // Another computation saw a later store: keep its windows.
                return;
            }

            stored = true;
        }

        if (!stored)
        {
            // The key was pruned while this pass computed from it (PruneAsync): its other windows are gone, so all are written.
            windows = EveryWindow(request, result);
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
    private static (DateTimeOffset Start, DateTimeOffset End) ToWindowEdges(
        (DateTimeOffset Start, DateTimeOffset End) span, SignalRequest request, IReadOnlyList<string> zones)
    {
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

    // The spans widened to whole windows and merged, for each group of teams they reach alike: a team's spans are those
    // naming it and those naming every team; teams reached by the same spans share them, and a span reaching every team
    // names none.
    private static IReadOnlyList<ReachedSpan> MergeByTeam(IReadOnlyList<ReachedSpan> spans, SignalRequest request)
    {
        // Merged as they are first (a batch places a span per row: 180,000 test results at the benchmark's scale), then
        // widened and merged again: widening overlapping or touching spans gives what widening each and merging does,
        // and finding a window's edges in a time zone is the costly step.
        var zones = Zones(request).ToList();
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<ReachedSpan> some) =>
            ChangedSpans.MergeWithin(
                ChangedSpans.MergeWithin(some.Select(s => (s.Start, s.End)), DateTimeOffset.MinValue, DateTimeOffset.MaxValue)
                    .Select(s => ToWindowEdges(s, request, zones)),
                request.From,
                request.To);

        if (spans.All(s => s.Teams is null))
        {
            return [.. Merge(spans).Select(m => new ReachedSpan(m.Start, m.End, null))];
        }

        // Merged per distinct set first (few: a set is a group of teams sharing repositories), then per team.
        var bySet = spans.Where(s => s.Teams is not null).GroupBy(s => s.Teams!).Select(g => (Set: g.Key, Spans: Merge(g))).ToList();
        var everyTeam = Merge(spans.Where(s => s.Teams is null)).Select(m => new ReachedSpan(m.Start, m.End, null)).ToList();
        var ids = request.Teams.Select(t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var byTeam = ids
            .Select(id => (Id: id, Spans: Merge(everyTeam.Concat(bySet.Where(b => b.Set.Ids.Contains(id)).SelectMany(b => b.Spans.Select(m => new ReachedSpan(m.Start, m.End, b.Set)))))))
            .Where(t => t.Spans.Count > 0)
            .GroupBy(t => string.Join(",", t.Spans.Select(m => m.Start.UtcTicks + "-" + m.End.UtcTicks)), StringComparer.Ordinal);
        var result = new List<ReachedSpan>();
        foreach (var group in byTeam)
        {
            var teams = group.Select(t => t.Id).ToList();
            var part = teams.Count == ids.Count ? null : new TeamSet(teams);
            result.AddRange(group.First().Spans.Select(m => new ReachedSpan(m.Start, m.End, part)));
        }

        return result;
    }

    // A summary of which teams the spans reach, for the plan's reason.
    private static string Part(IReadOnlyList<ReachedSpan> spans, SignalRequest request) =>
        spans.Any(s => s.Teams is null) ? "" : string.Create(CultureInfo.InvariantCulture, $" for {spans.SelectMany(s => s.Teams!.Ids).Distinct().Count()} of {request.Teams.Count} teams");

    // The (team, window) pairs the spans cover, each team in its own time zone.
    private static HashSet<(string Team, TimeWindow Window)> TeamWindows(SignalRequest request, IEnumerable<ReachedSpan> spans)
    {
        var result = new HashSet<(string, TimeWindow)>();
        foreach (var span in spans)
        {
            foreach (var team in span.Teams?.Of(request) ?? request.Teams)
            {
                result.UnionWith(TimeWindow.Covering(span.Start, span.End, request.Granularity, team.TimeZone).Select(w => (team.Id, w)));
            }
        }

        return result;
    }

    // Every window overlapping [start, end), per time zone of the request's teams.
    private static IEnumerable<TimeWindow> Covering(SignalRequest request, DateTimeOffset start, DateTimeOffset end) =>
        Zones(request).SelectMany(zone => TimeWindow.Covering(start, end, request.Granularity, zone));

    // Every window of the request, per time zone of its teams.
    // Every window of the period, the empty ones too, and any the result holds: written when a key is saved whole, so no
    // point of an earlier result outlives it.
    private static HashSet<TimeWindow> EveryWindow(SignalRequest request, CachedResult result) =>
        [.. Zones(request).SelectMany(zone => TimeWindow.Covering(request.From, request.To, request.Granularity, zone)).Concat(result.Windows)];

    private static IEnumerable<string> Zones(SignalRequest request) => request.Teams.Select(t => t.TimeZone).Distinct(StringComparer.Ordinal);
}
