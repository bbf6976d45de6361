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
        // over the test's executions in memory (TestHistory.Evaluate finds a window's first execution by binary search).
        var scanTo = nonEmpty.Max(w => w[^1].End);
        var scanFrom = nonEmpty.Min(w => w[0].End) - options.Window;
        var impactFrom = nonEmpty.Min(w => w[0].Start);
        var ledger = new ImpactLedger();
        var tests = new List<TestTimeline>();
        await TestResultScanner.ScanAsync(
            request.Store,
            scanFrom,
            scanTo,
            await OwnedRepositories.OfTeamsAsync(request, cancellationToken),
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

                if (verdicts.All(v => v.Executions == 0))
                {
                    return;
                }

                tests.Add(new TestTimeline(team, history.Repository, history.TestId, verdicts));

                // Blame over the whole period shown: a test flaky at any point is to blame for its failures in it.
                var whole = history.Judge(impactFrom, scanTo, options);
                ledger.Record(history, FlakyTests.IsToBlame(whole.State, whole.Evidence, options), impactFrom, scanTo);
            },
            cancellationToken);

        var events = await ledger.ResolveAsync(request.Store, impactFrom, scanTo, cancellationToken);
        return new FlakinessTimeline(windows, tests, events);
    }

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
