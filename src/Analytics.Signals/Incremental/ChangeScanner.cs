using Analytics.Storage;
using Analytics.Storage.Caching;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Finds what a signal's footprint says a batch can have changed: the rows of its entities changed since a watermark
/// (<c>changed_at</c>, indexed by migration 0013, so the read costs what the batch costs) and the deletions recorded
/// since then, each turned into the span of instants whose windows it can change.
/// </summary>
internal static class ChangeScanner
{
    /// <summary>
    /// The spans <paramref name="footprint"/>'s changes since <paramref name="since"/> reach, taking the changed rows from
    /// <paramref name="memo"/> (shared by the signals of one pass) when it has them. With <paramref name="teams"/> (a
    /// signal whose team's series depend only on its own repositories, <see cref="SignalFootprints.PerTeam"/>) each span
    /// names the teams its row can change; even a change that reaches every window then reaches only its row's teams.
    /// </summary>
    public static async Task<ChangedSpans> ScanAsync(
        IStore store, SignalFootprint footprint, DateTimeOffset since, ChangedRowsMemo memo, TeamAttribution? teams, CancellationToken cancellationToken)
    {
        var spans = new List<ReachedSpan>();
        var rows = 0;
        foreach (var read in footprint.Reads)
        {
            var everywhere = footprint.RecomputedWhole || read.Reach.Kind is ReachKind.Everything;
            // Signals reading an entity alike (the flaky family, the review family) place its rows alike: once per pass.
            var (everything, count, reached) = await memo.GetScanAsync(
                ShapeOf(read, everywhere, teams is not null, since),
                async () =>
                {
                    // A change that reaches every window of every team needs only the first changed row: the scanner reads that itself.
                    var known = everywhere && (teams is null || TeamAttribution.OwnerColumns(read.Entity) is null)
                        ? null
                        : await memo.GetAsync(read.Entity, since, cancellationToken);
                    var placed = new List<ReachedSpan>();
                    var (all, seen) = await ScanEntityAsync(store, read, everywhere, teams, since, known, memo, placed, cancellationToken);
                    return (all, seen, Compact(placed));
                });
            rows += count;
            if (everything)
            {
                return new ChangedSpans(true, [], rows);
            }

            spans.AddRange(reached);
        }

        return new ChangedSpans(false, spans, rows);
    }

    // What placing an entity's rows depends on besides the pass (its store, watermark margin, teams and memo).
    private static string ShapeOf(EntityFootprint read, bool everywhere, bool byTeam, DateTimeOffset since)
    {
        static string Names(IEnumerable<string>? names) => names is null ? "-" : string.Join(',', names);
        var via = read.Via is { } v
            ? $"{v.Column}>{v.Target.Table}.{v.TargetColumn}@{Names(v.TimeColumns)}/{Names(v.Repositories)}/{v.AnySpelling}/{v.Optional}"
            : "-";
        var mentions = read.MentionedBy is { } m ? $"{m.Column}<{m.Target.Table}:{Names(m.TextColumns)}@{Names(m.TimeColumns)}" : "-";
        return string.Join('\u001f', read.Entity.Table, Names(read.TimeColumns), read.Reach.ToString(), via, mentions,
            read.PlacedByTicketHistory, read.WithRunAttempts, read.UnplacedCountsNowhere, everywhere, byTeam, since.UtcTicks);
    }

    // One span per changed row merged where they overlap or touch, per set of teams: the same instants, far fewer spans.
    private static IReadOnlyList<ReachedSpan> Compact(List<ReachedSpan> spans) =>
        [.. spans.GroupBy(s => s.Teams).SelectMany(g => ChangedSpans.MergeWithin(g.Select(s => (s.Start, s.End)), DateTimeOffset.MinValue, DateTimeOffset.MaxValue)
            .Select(m => new ReachedSpan(m.Start, m.End, g.Key)))];

    // Teams: null when every row reaches every team.
    private static async Task<(bool Everything, int Rows)> ScanEntityAsync(
        IStore store, EntityFootprint read, bool everywhere, TeamAttribution? teams, DateTimeOffset since, ChangedRows? known,
        ChangedRowsMemo memo, List<ReachedSpan> spans, CancellationToken cancellationToken)
    {
        var rows = 0;
        var deletions = known?.Deletions ?? await DeletionsAsync(store, read.Entity.Table, since, cancellationToken);
        foreach (var deletion in deletions)
        {
            rows += deletion.Rows;
            // The deleted rows' latest time is not kept: they may have counted anywhere from the earliest on; nor their
            // repository: they may have counted for any team. Rows placed by another row (a review by its pull request,
            // a transition by its ticket) or by the rows mentioning them are not placed by their own times, and which row
            // that was is not kept either: such a deletion reaches every window (deleting a transition between two
            // resolutions moves the ticket's resolution back before the deleted transition).
            if (everywhere || deletion.Earliest == DateTimeOffset.UnixEpoch || read.Via is not null || read.MentionedBy is not null)
            {
                return (true, rows);
            }

            // A deleted attempt (or job) of a CI run changes the windows of the run's other attempts, which a window reads
            // up to the grouping margin after its end (WithRunAttempts): which run it was is not kept.
            var lookAhead = read.WithRunAttempts && read.Reach.LookAhead < Ci.CiRuns.Margin ? Ci.CiRuns.Margin : read.Reach.LookAhead;
            spans.Add(new ReachedSpan(Minus(deletion.Earliest, lookAhead), DateTimeOffset.MaxValue, null));
        }

        // A ticket placed by its history (not by its own times) counts where its former and new row do when the store
        // recorded its insert or rewrite (TicketResolutionBounds).
        if (read.PlacedByTicketHistory && read.Via is null && read.Entity.RewritesIgnoring is not null)
        {
            foreach (var rewrite in known?.Rewrites ?? await DeletionsAsync(store, StoreDeletion.RewritesOf(read.Entity.Table), since, cancellationToken))
            {
                if (everywhere || rewrite.Earliest == DateTimeOffset.UnixEpoch)
                {
                    return (true, rows);
                }

                spans.Add(new ReachedSpan(Minus(rewrite.Earliest, read.Reach.LookAhead), DateTimeOffset.MaxValue, null));
            }
        }

        var timeIndexes = read.TimeColumns.Select(c => Index(read.Entity, c)).ToArray();
        var viaIndex = read.Via is { } via ? Index(read.Entity, via.Column) : read.MentionedBy is { } mentions ? Index(read.Entity, mentions.Column) : -1;
        var owners = teams?.For(read.Entity);
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var tickets = read.PlacedByTicketHistory ? new TicketResolutionBounds(read.Entity) : null;
        var runColumns = read.WithRunAttempts ? ChangedRowsMemo.RunColumns.Select(c => Index(read.Entity, c)).ToArray() : null;
        var withRuns = new List<(object?[] Values, (string Source, string Repository, string RunId) Run)>();
        // In any order, so SQLite reads the changed_at index rather than the whole table in key order (ChangedRowsMemo).
        var changed = known is null ? store.ReadValuesAsync(read.Entity, StoreQuery.All.ChangedSince(since).InAnyOrder(), cancellationToken) : AsAsync(known.Rows);
        await foreach (var values in changed)
        {
            rows++;
            if (everywhere)
            {
                // Every window, but only of the row's teams when it names them.
                if (owners?.Invoke(values) is not { } reached)
                {
                    return (true, rows);
                }

                if (reached.Ids.Count > 0)
                {
                    spans.Add(new ReachedSpan(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, reached));
                }

                continue;
            }

            if (viaIndex >= 0)
            {
                if (values[viaIndex] is not string target)
                {
                    if (read.Via is { Optional: true })
                    {
                        continue;
                    }

                    return (true, rows);
                }

                if (tickets?.Add(values) is not true)
                {
                    pending.Add(target);
                }

                continue;
            }

            if (tickets?.Add(values) is true)
            {
                continue;
            }

            if (runColumns is not null && values[runColumns[0]] is string source && values[runColumns[1]] is string repository && values[runColumns[2]] is string runId)
            {
                // Placed after the scan, with its run's stored attempts.
                withRuns.Add((values, (source, repository, runId)));
                continue;
            }

            if (!Place(read, timeIndexes.Select(i => values[i] as DateTimeOffset?), owners?.Invoke(values), spans))
            {
                return (true, rows);
            }
        }

        // A ticket without transitions before its earliest changed one is placed by its creation, through Via; a changed
        // ticket without any, by its own times.
        foreach (var (key, bound) in tickets is null ? [] : await tickets.BoundsAsync(store, cancellationToken))
        {
            if (bound is not { } from)
            {
                pending.Add(key);
            }
            else if (!Place(read, [from], null, spans))
            {
                return (true, rows);
            }
        }

        if (withRuns.Count > 0)
        {
            var attempts = await memo.GetRunAttemptsAsync([.. withRuns.Select(r => r.Run)], cancellationToken);
            foreach (var (values, run) in withRuns)
            {
                IEnumerable<DateTimeOffset?> times = timeIndexes.Select(i => values[i] as DateTimeOffset?);
                if (attempts.TryGetValue(run, out var span))
                {
                    times = times.Append(span.Earliest).Append(span.Latest);
                }

                if (!Place(read, times, owners?.Invoke(values), spans))
                {
                    return (true, rows);
                }
            }
        }

        foreach (var values in tickets is null ? [] : await tickets.WithoutHistoryAsync(store, cancellationToken))
        {
            if (!Place(read, timeIndexes.Select(i => values[i] as DateTimeOffset?), owners?.Invoke(values), spans))
            {
                return (true, rows);
            }
        }

        if (pending.Count > 0 && read.MentionedBy is not null && !await PlaceMentionedAsync(read, pending, memo, spans, cancellationToken))
        {
            return (true, rows);
        }

        if (pending.Count > 0 && read.Via is not null && !await PlaceViaAsync(read, pending, memo, teams, spans, cancellationToken))
        {
            return (true, rows);
        }

        return (false, rows);
    }

    // Places the changed rows by the rows mentioning their keys; a key nothing mentions changes nothing through them.
    private static async Task<bool> PlaceMentionedAsync(
        EntityFootprint read, HashSet<string> keys, ChangedRowsMemo memo, List<ReachedSpan> spans, CancellationToken cancellationToken)
    {
        var mentioned = await memo.GetMentionsAsync(read.MentionedBy!, keys, cancellationToken);
        foreach (var key in keys)
        {
            if (mentioned.TryGetValue(key, out var times) && !Place(read, [times.Earliest, times.Latest], null, spans))
            {
                return false;
            }
        }

        return true;
    }

    // Looks up the rows the changed rows belong to (their pull request, a repository's records) and places them by
    // those, for the teams those rows name when teams are told apart.
    private static async Task<bool> PlaceViaAsync(
        EntityFootprint read, HashSet<string> targets, ChangedRowsMemo memo, TeamAttribution? teams, List<ReachedSpan> spans,
        CancellationToken cancellationToken)
    {
        var via = read.Via!;
        IReadOnlyCollection<string> lookup = targets;
        if (via.Repositories is { } owned)
        {
            if (await SpellingsAsync(via, owned, targets, memo, cancellationToken) is not { } spellings)
            {
                return false;
            }

            lookup = spellings;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var byTeam = teams is not null && TeamAttribution.OwnerColumns(via.Target) is not null;
        foreach (var row in await memo.GetViaRowsAsync(via.Target, via.TargetColumn, via.TimeColumns, lookup, cancellationToken))
        {
            found.Add(row.Key);
            if (!Place(read, row.Times, byTeam ? teams!.Of(row.Repository, row.Service) : null, spans))
            {
                return false;
            }
        }

        // A row whose owner is not stored may still count somewhere: recompute everything. A repository without records
        // changes nothing read (TimeVia.Repositories), nor does a row whose link is optional (TimeVia.Optional).
        return via.Repositories is not null || via.Optional || found.Count == targets.Count;
    }

    // The spellings under which records of the changed repositories can be read: those of the teams and of the
    // repositories table equal to a changed name ignoring case, and the names themselves. Null when the signal reads
    // every spelling (TimeVia.AnySpelling) and the target holds a team repository's records under another spelling.
    private static async Task<HashSet<string>?> SpellingsAsync(
        TimeVia via, IReadOnlyList<string> owned, HashSet<string> changed, ChangedRowsMemo memo, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(owned, StringComparer.Ordinal);
        known.UnionWith(await memo.GetDistinctAsync(Entities.Repositories, "full_name", cancellationToken));
        if (via.AnySpelling)
        {
            var ownedIgnoringCase = new HashSet<string>(owned, StringComparer.OrdinalIgnoreCase);
            if ((await memo.GetDistinctAsync(via.Target, via.TargetColumn, cancellationToken)).Any(s => ownedIgnoringCase.Contains(s) && !known.Contains(s)))
            {
                return null;
            }
        }

        var changedIgnoringCase = new HashSet<string>(changed, StringComparer.OrdinalIgnoreCase);
        var spellings = new HashSet<string>(changed, StringComparer.Ordinal);
        spellings.UnionWith(known.Where(changedIgnoringCase.Contains));
        return spellings;
    }

    private static bool Place(EntityFootprint read, IEnumerable<DateTimeOffset?> times, TeamSet? teams, List<ReachedSpan> spans)
    {
        if (teams is { Ids.Count: 0 })
        {
            // A record no team owns counts in none of the teams' series.
            return true;
        }

        DateTimeOffset? earliest = null, latest = null;
        foreach (var time in times)
        {
            if (time is { } t)
            {
                earliest = earliest is { } e && e < t ? e : t;
                latest = latest is { } l && l > t ? l : t;
            }
        }

        if (earliest is null)
        {
            return read.UnplacedCountsNowhere;
        }

        if (read.Reach.Span(earliest.Value, latest!.Value) is not { } span)
        {
            return false;
        }

        spans.Add(new ReachedSpan(span.Start, span.End, teams));
        return true;
    }

    /// <summary>The deletions recorded under <paramref name="table"/> since <paramref name="since"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<StoreDeletion>> DeletionsAsync(IStore store, string table, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var deletions = new List<StoreDeletion>();
        await foreach (var deletion in store.ReadAsync(Entities.StoreDeletions, StoreQuery.All.Where("table_name", table).Since("deleted_at", since), cancellationToken))
        {
            deletions.Add(deletion);
        }

        return deletions;
    }

    // The memo's rows read the way the store's are, so one loop serves both.
    private static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask;
    }

    private static int Index(EntityMap map, string column) =>
        map.IndexOf(column) is var index and >= 0 ? index : throw new InvalidOperationException($"{map.Name} has no column '{column}'");

    private static DateTimeOffset Minus(DateTimeOffset at, TimeSpan span) =>
        at - DateTimeOffset.MinValue < span ? DateTimeOffset.MinValue : at - span;
}
