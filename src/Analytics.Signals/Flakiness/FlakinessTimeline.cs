using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Series;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// The flaky-test verdicts at the end of every window of a signal request, from one scan of the test results: each
/// window's verdict looks back <see cref="FlakinessOptions.Window"/> from the window's end. Shared by the
/// <c>tests.*</c> signals.
/// </summary>
internal sealed class FlakinessTimeline
{
    private FlakinessTimeline(
        IReadOnlyDictionary<string, IReadOnlyList<TimeWindow>> windows,
        IReadOnlyList<TestTimeline> tests,
        IReadOnlyList<ImpactEvent> events)
    {
        Windows = windows;
        Tests = tests;
        Events = events;
    }

    /// <summary>Each team's windows, by team id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TimeWindow>> Windows { get; }

    /// <summary>Every test of an owned repository with executions in the scan, with its verdict per window of its team.</summary>
    public IReadOnlyList<TestTimeline> Tests { get; }

    /// <summary>The impact events of the whole scan.</summary>
    public IReadOnlyList<ImpactEvent> Events { get; }

    /// <summary>
    /// The verdicts and the impact events, computed once per request: signals computed over the same request (or its
    /// <c>with</c> copies) with the same period, teams and options share one analysis. The impact comes with every
    /// analysis: it costs a tenth of the scan, and a second scan for the signals that need it would cost the whole.
    /// </summary>
    public static Task<FlakinessTimeline> ComputeAsync(SignalRequest request, FlakinessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var key = new AnalysisKey(request.Store, ValueList.From(request.Teams), request.From, request.To, request.Granularity, options);
        return request.Shared.GetOrComputeAsync(key, ct => ComputeOnceAsync(request, options, ct), cancellationToken);
    }

    /// <summary>Computes the verdicts from one ordered scan of the period and its look-back.</summary>
    private static async Task<FlakinessTimeline> ComputeOnceAsync(SignalRequest request, FlakinessOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var windows = request.Teams.ToDictionary(
            t => t.Id,
            t => (IReadOnlyList<TimeWindow>)TimeWindow.Covering(request.From, request.To, request.Granularity, t.TimeZone).ToList());
        var nonEmpty = windows.Values.Where(w => w.Count > 0).ToList();
        if (nonEmpty.Count == 0)
        {
            return new FlakinessTimeline(windows, [], []);
        }

        // One scan from the look-back of the earliest window's end to the latest end; each window's verdict then slides
        // over the test's executions in memory (TestHistory.Judge finds a window's first execution by binary search).
        // The impact reads a day more on each side, so that an attempt queued in a window is seen whole (its failures
        // after the window's end) and one queued the day before the first window too (a retry in the window is judged
        // against it): runs are taken to last less than a day, as ImpactLedger's read of the runs does. The verdicts do
        // not change with the wider scan: each reads only its own window's look-back.
        // The repositories are scanned in parts, one per core: a repository's tests and impact never depend on another's,
        // and this analysis is the longest of the catalogue, so it would otherwise finish alone on one core.
        var impactFrom = nonEmpty.Min(w => w[0].Start) - ImpactMargin;
        var impactTo = nonEmpty.Max(w => w[^1].End) + ImpactMargin;
        var span = new ScanSpan(
            Min(nonEmpty.Min(w => w[0].End) - options.Window, impactFrom),
            impactTo,
            impactFrom);
        var owned = await OwnedRepositories.OfTeamsAsync(request, cancellationToken);
        var parts = await Task.WhenAll(Partition(owned, Environment.ProcessorCount)
            .Select(part => Task.Run(() => ScanPartAsync(request, options, windows, span, part, cancellationToken), cancellationToken)));

        // Each part's events keep their order, so each repository's events (all in one part) come as one scan gives them.
        return new FlakinessTimeline(windows, [.. parts.SelectMany(p => p.Tests)], [.. parts.SelectMany(p => p.Events)]);
    }

    /// <summary>
    /// Splits the repositories to read into at most <paramref name="count"/> parts, spellings of one repository together
    /// (they are one repository's records), in turn by name so that parts get similar shares.
    /// </summary>
    private static List<IReadOnlyCollection<string>> Partition(IReadOnlyCollection<string> repositories, int count)
    {
        var groups = repositories
            .GroupBy(r => r, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var parts = Enumerable.Range(0, Math.Clamp(Math.Min(count, groups.Count), 1, MaximumParts)).Select(_ => new List<string>()).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            parts[i % parts.Count].AddRange(groups[i]);
        }

        return [.. parts];
    }

    /// <summary>The most parts a scan is split into: more would only add connections.</summary>
    private const int MaximumParts = 4;

    /// <summary>How much more than the windows the impact reads on each side: the longest run it expects.</summary>
    private static readonly TimeSpan ImpactMargin = TimeSpan.FromDays(1);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Scans one part's repositories: its tests' verdicts and its impact events.</summary>
    private static async Task<(List<TestTimeline> Tests, IReadOnlyList<ImpactEvent> Events)> ScanPartAsync(
        SignalRequest request,
        FlakinessOptions options,
        Dictionary<string, IReadOnlyList<TimeWindow>> windows,
        ScanSpan span,
        IReadOnlyCollection<string> repositories,
        CancellationToken cancellationToken)
    {
        var ledger = new ImpactLedger();
        var tests = new List<TestTimeline>();
        var bounds = windows.ToDictionary(w => w.Key, w => new WindowBlame.Bounds(w.Value));
        await TestResultScanner.ScanAsync(
            request.Store,
            span.From,
            span.To,
            repositories,
            repository => request.OwnerOf(repository) is not null,
            history =>
            {
                var team = request.OwnerOf(history.Repository)!;
                var teamWindows = windows[team.Id];
                var verdicts = new WindowVerdict[teamWindows.Count];
                for (var i = 0; i < verdicts.Length; i++)
                {
                    verdicts[i] = history.Judge(teamWindows[i].End - options.Window, teamWindows[i].End, options);
                }

                // A test without executions in any window's look-back has no timeline; its failures in the impact's
                // margins are still recorded, never to blame, so that they keep their attempts from being lost.
                if (verdicts.Any(v => v.Executions > 0))
                {
                    tests.Add(new TestTimeline(team, history.Repository, history.TestId, verdicts));
                }

                // Each failure is blamed by the verdict of its own window (the attempt's queue time, the retry's start).
                ledger.Record(history, WindowBlame.PerWindow(bounds[team.Id], verdicts, options), span.ImpactFrom, span.To);
            },
            cancellationToken);

        return (tests, await ledger.ResolveAsync(request.Store, span.ImpactFrom, span.To, cancellationToken));
    }

    /// <summary>What a scan reads ([<see cref="From"/>, <see cref="To"/>)) and where the impact starts recording.</summary>
    private sealed record ScanSpan(DateTimeOffset From, DateTimeOffset To, DateTimeOffset ImpactFrom);

    /// <summary>What one analysis depends on.</summary>
    private sealed record AnalysisKey(
        Storage.IStore Store,
        ValueList<Team> Teams,
        DateTimeOffset From,
        DateTimeOffset To,
        Granularity Granularity,
        FlakinessOptions Options);

    /// <summary>One test's verdicts, one per window of its team.</summary>
    /// <param name="Team">The team that owns the repository.</param>
    /// <param name="Repository">The repository's full name.</param>
    /// <param name="TestId">The test's id.</param>
    /// <param name="Verdicts">The verdict at each window's end.</param>
    internal sealed record TestTimeline(Team Team, string Repository, string TestId, IReadOnlyList<WindowVerdict> Verdicts);
}
