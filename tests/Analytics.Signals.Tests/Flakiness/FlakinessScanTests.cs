using Analytics.Collectors.Simulation;
using Analytics.Domain.Common;
using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Domain.Testing;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;

using Analytics.Testing.Stores;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>
/// The single ordered scan behind the <c>tests.*</c> and <c>ci.wasted_*</c> signals (FlakinessTimeline,
/// TestResultScanner): it reads only the teams' repositories, reaches back the look-back window before the first
/// window, gives what the former per-test-id scan gave, and is computed once per request. On SQLite and PostgreSQL.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class FlakinessScanTests : IAsyncLifetime
{
    private readonly FreshStores _stores;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected FlakinessScanTests(StoreKind kind) => _stores = new FreshStores(kind, Time);

    private static readonly DateTimeOffset Monday = SignalFixture.Monday; // 2 November 2026, UTC


    protected FakeTimeProvider Time { get; } = new(Monday);

    [Fact]
    public async Task ComputeAsync_OneTeamOfTwo_ReadsNoResultOfTheOtherTeamsRepository()
    {
        var store = new RecordingStore(await StoreWithAsync([
            .. Runs("acme/api", "t1", Monday.AddDays(1), 3),
            .. Runs("acme/web", "t1", Monday.AddDays(1), 3),
            .. Runs("acme/web", "t2", Monday.AddDays(2), 3)]));
        var api = Team("payments", "acme/api");

        var series = await new FlakyTestCount().ComputeAsync(Request(store, [api], Monday, Monday.AddDays(14)), default);

        // The team's repository was read (3 runs in week 1, inside both windows' look-back), the other one not at all.
        store.Rows.Should().ContainKey(("test_results", "acme/api")).WhoseValue.Should().Be(3);
        store.Rows.Keys.Should().NotContain(k => k.Repository == "acme/web");
        series.Select(s => s.Labels["repository"]).Should().Equal("acme/api");
    }

    [Fact]
    public async Task ComputeAsync_TeamSpellsRepositoryInOtherCase_ReadsTheStoredSpelling()
    {
        // The store compares names exactly; teams may spell them in any case (SignalRequest.OwnerOf ignores case).
        var store = new RecordingStore(await StoreWithAsync([
            new Repository("github", "1", "Acme/API", "main", null, false, null),
            .. Runs("Acme/API", "t1", Monday.AddDays(1), 3)]));

        var series = await new FlakyTestCount().ComputeAsync(Request(store, [Team("payments", "acme/api")], Monday, Monday.AddDays(7)), default);

        store.Rows.Should().ContainKey(("test_results", "Acme/API"));
        series.Should().ContainSingle().Which.Labels["repository"].Should().Be("Acme/API");
    }

    [Fact]
    public async Task ComputeAsync_EvidenceInTheLookBackBeforeThePeriod_CountsInTheFirstWindowOnly()
    {
        // Windows: 2–9 and 9–16 November. The first verdict (at 9 Nov) looks back 14 days to 26 Oct 00:00, before the
        // period starts: the scan must start there (included), not at the period's start.
        //   26 Oct 00:00 commit c1 passes (run 1), 27 Oct 10:00 c1 fails (run 2): pass-and-fail evidence on c1, in
        //   separate runs, at 27 Oct 10:00. Then c2..c5 pass on 3, 4, 10 and 11 Nov (runs 3–6).
        // Window 1 [26 Oct, 9 Nov): 4 runs ≥ MinimumRuns 2; evidence on c1; recovery needs 7 days and RecoveryRuns 5
        //   runs after the evidence, only 2 (3 and 4 Nov) came: flaky. Value 1, 1 judged test.
        // Window 2 [2 Nov, 16 Nov): 4 runs, no evidence: healthy. Value 0, 1 judged test.
        // Starting the scan at 2 Nov would make window 1 healthy (0); excluding 26 Oct 00:00 would leave c1 failed only.
        var lookBackStart = Monday.AddDays(-7);
        var store = new RecordingStore(await StoreWithAsync([
            Result("acme/api", "t1", "1", "c1", TestOutcome.Passed, lookBackStart),
            Result("acme/api", "t1", "2", "c1", TestOutcome.Failed, lookBackStart.AddDays(1).AddHours(10)),
            Result("acme/api", "t1", "0", "c0", TestOutcome.Failed, lookBackStart.AddTicks(-TimeSpan.TicksPerSecond)),
            Result("acme/api", "t1", "3", "c2", TestOutcome.Passed, Monday.AddDays(1)),
            Result("acme/api", "t1", "4", "c3", TestOutcome.Passed, Monday.AddDays(2)),
            Result("acme/api", "t1", "5", "c4", TestOutcome.Passed, Monday.AddDays(8)),
            Result("acme/api", "t1", "6", "c5", TestOutcome.Passed, Monday.AddDays(9))]));
        var options = FlakinessOptions.Default with { MinimumRuns = 2 };
        var request = Request(store, [Team("payments", "acme/api")], Monday, Monday.AddDays(14));

        var series = (await new FlakyTestCount(options).ComputeAsync(request, default)).Single();

        series.Points.Select(p => p.Value).Should().Equal(1, 0);
        series.Points.Select(p => p.Observations).Should().Equal(1, 1);

        // Each window's verdict equals the one-instant analysis at its end, which scans only its own look-back.
        var timeline = await FlakinessTimeline.ComputeAsync(request, options, default);
        foreach (var (window, i) in timeline.Windows["payments"].Select((w, i) => (w, i)))
        {
            var alone = await FlakyTests.AnalyseAsync(new FlakyTestRequest(store, window.End) { Options = options }, default);
            timeline.Tests.Single().Verdicts[i].Should().Be(Shown(alone.Tests.Single()));
        }
    }

    [Theory]
    [InlineData(Granularity.Week)]
    [InlineData(Granularity.Month)]
    public async Task ComputeAsync_SimulatedOrganisation_EqualsThePerTestIdScan(Granularity granularity)
    {
        var end = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = end, Seed = 7, Days = 150 });
        var store = await StoreWithAsync([.. organisation.Repositories, .. organisation.WorkflowRuns, .. organisation.TestResults]);

        // Two of the four teams, so that the other teams' repositories are in the store but not asked for.
        var teams = organisation.Teams.Take(2).ToList();
        var request = Request(store, teams, end.AddDays(-120), end);
        request = request with { Granularity = granularity };
        var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, default);
        var expected = await ReferenceAsync(request, FlakinessOptions.Default);

        timeline.Tests.Should().NotBeEmpty();
        timeline.Tests.Should().Contain(t => t.Verdicts.Any(v => v.State == TestState.Flaky), "the simulator plants flaky tests");
        timeline.Events.Should().NotBeEmpty();
        var actualTests = timeline.Tests.OrderBy(t => t.Repository, StringComparer.Ordinal).ThenBy(t => t.TestId, StringComparer.Ordinal).ToList();
        actualTests.Select(t => (t.Team.Id, t.Repository, t.TestId)).Should().Equal(expected.Tests.Select(t => (t.Team.Id, t.Repository, t.TestId)));
        for (var i = 0; i < actualTests.Count; i++)
        {
            actualTests[i].Verdicts.Should().Equal(expected.Tests[i].Verdicts, $"{actualTests[i].Repository} {actualTests[i].TestId}");
        }

        // Per repository the impact events come in the same order (their sums are then the same to the last bit).
        foreach (var repository in expected.Events.Select(e => e.Repository).Distinct())
        {
            timeline.Events.Where(e => e.Repository == repository).Select(Describe)
                .Should().Equal(expected.Events.Where(e => e.Repository == repository).Select(Describe));
        }

        timeline.Events.Should().HaveSameCount(expected.Events);
    }

    [Fact]
    public async Task ComputeAsync_ImpactSignalsOfOneWeekAlone_EqualThatWeekInATwelveWeekRequest()
    {
        // Each failure is blamed by its own window's verdict (docs/signals/tests.flaky_ci_time.md), so a week's value
        // cannot depend on the period asked for: each of twelve weeks asked for alone gives the point that week has in the
        // twelve-week request. (Under the former whole-period blame a test flaky anywhere in the twelve weeks was blamed in
        // every one of them, and some weeks differed.) A series missing from one answer reads 0 there.
        var end = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = end, Seed = 7, Days = 150 });
        var store = await StoreWithAsync([.. organisation.Repositories, .. organisation.WorkflowRuns, .. organisation.CiJobs, .. organisation.TestResults]);
        var teams = organisation.Teams.Take(2).ToList();
        ISignal[] signals = [new FlakyCiTime(), new FlakyDisruptedRuns(), new Analytics.Signals.CiCost.WastedMinutes(), new Analytics.Signals.CiCost.WastedCost()];
        var request = Request(store, teams, end.AddDays(-84), end);
        var whole = new Dictionary<string, IReadOnlyList<Series.Series>>();
        foreach (var signal in signals)
        {
            whole[signal.Name] = await signal.ComputeAsync(request, default);
        }

        whole["tests.flaky_ci_time"].SelectMany(s => s.Points).Should().Contain(p => p.Value > 0, "the simulator plants flaky tests");
        for (var week = 0; week < 12; week++)
        {
            var alone = Request(store, teams, end.AddDays(-84 + (7 * week)), end.AddDays(-77 + (7 * week)));
            foreach (var signal in signals)
            {
                var single = await signal.ComputeAsync(alone, default);
                foreach (var labels in whole[signal.Name].Select(s => s.Labels).Union(single.Select(s => s.Labels)))
                {
                    // The team's weeks (in its time zone) that the week alone covers; the long request covers them too.
                    var team = teams.Single(t => t.Id == labels["team"]);
                    foreach (var window in TimeWindow.Covering(alone.From, alone.To, Granularity.Week, team.TimeZone))
                    {
                        var inWhole = whole[signal.Name].SingleOrDefault(s => s.Labels.Equals(labels))?.Points.Single(p => p.Window == window);
                        var inAlone = single.SingleOrDefault(s => s.Labels.Equals(labels))?.Points.Single(p => p.Window == window);
                        (inAlone?.Value ?? 0, inAlone?.Observations ?? 0).Should().Be(
                            (inWhole?.Value ?? 0, inWhole?.Observations ?? 0), $"{signal.Name} {labels} in {window}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task ComputeAsync_SignalsOverOneRequest_ShareOneScan()
    {
        var store = new RecordingStore(await StoreWithAsync([.. Runs("acme/api", "t1", Monday.AddDays(1), 12)]));
        var request = Request(store, [Team("payments", "acme/api")], Monday, Monday.AddDays(14));

        var count = await new FlakyTestCount().ComputeAsync(request, default);
        var time = await new FlakyCiTime().ComputeAsync(request with { Granularity = Granularity.Week }, default);
        var score = await new FlakyTestScore().ComputeAsync(request, default);
        var reads = store.Reads.GetValueOrDefault("test_results");

        // One analysis serves all three, impact included (FlakyTestCount, which needs none, came first). A new request
        // (equal to the first) scans afresh: it may come after new data.
        reads.Should().Be(1);
        var fresh = Request(store, [Team("payments", "acme/api")], Monday, Monday.AddDays(14));
        (await new FlakyTestCount().ComputeAsync(fresh, default)).Should().Equal(count);
        store.Reads["test_results"].Should().Be(2);
        (await new FlakyTestScore().ComputeAsync(fresh, default)).Should().Equal(score);
        (await new FlakyCiTime().ComputeAsync(fresh, default)).Should().Equal(time);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    /// <summary>A new, empty store of this class's kind (closed at disposal).</summary>
    protected Task<IStore> OpenStoreAsync() => _stores.OpenAsync(default);

    /// <summary>
    /// The former analysis, kept here as the reference: every result of the period read <c>ORDER BY test_id</c> (then
    /// by key), all repositories, grouped by test id and then by repository in C#, each test's executions in the former
    /// order, each window evaluated over its look-back by the former loop (<see cref="FormerVerdict"/>), tests fed to the impact ledger in that order (test id, then
    /// repository).
    /// </summary>
    private static async Task<(List<FlakinessTimeline.TestTimeline> Tests, IReadOnlyList<ImpactEvent> Events)> ReferenceAsync(
        SignalRequest request, FlakinessOptions options)
    {
        var windows = request.Teams.ToDictionary(t => t.Id, t => TimeWindow.Covering(request.From, request.To, request.Granularity, t.TimeZone).ToList());
        // The impact reads a day either side of the windows (FlakinessTimeline.ImpactMargin), so the scan may start earlier.
        var scanTo = windows.Values.Max(w => w[^1].End).AddDays(1);
        var impactFrom = windows.Values.Min(w => w[0].Start).AddDays(-1);
        var scanFrom = new[] { windows.Values.Min(w => w[0].End) - options.Window, impactFrom }.Min();
        var bounds = windows.ToDictionary(w => w.Key, w => new WindowBlame.Bounds(w.Value));
        var query = StoreQuery.All.Since("started_at", scanFrom).Before("started_at", scanTo).OrderedBy("test_id");
        var results = new List<TestResult>();
        await foreach (var result in request.Store.ReadAsync(Entities.TestResults, query, default))
        {
            results.Add(result);
        }

        var ledger = new ImpactLedger();
        var tests = new List<FlakinessTimeline.TestTimeline>();
        foreach (var group in results
            .Where(r => request.OwnerOf(r.Repository) is not null)
            .GroupBy(r => (r.TestId, r.Repository))
            .OrderBy(g => g.Key.TestId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Repository, StringComparer.Ordinal))
        {
            // The former TestHistory numbered runs and jobs as it met them in key order and sorted by time, then those
            // numbers, then attempt and execution.
            var runs = new Dictionary<(string, string), int>();
            var jobs = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in group)
            {
                runs.TryAdd((r.Source, r.RunId), runs.Count);
                jobs.TryAdd(r.Job, jobs.Count);
            }

            // The history is given texts as codes, as the scanner's read gives them.
            var texts = new List<string>();
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            int Code(string? text) => text is null ? -1 : codes.TryGetValue(text, out var code) ? code : codes[text] = AddText(text);
            int AddText(string text)
            {
                texts.Add(text);
                return texts.Count - 1;
            }

            var history = new TestHistory(group.Key.Repository, group.Key.TestId, texts);
            foreach (var r in group
                .OrderBy(r => r.StartedAt)
                .ThenBy(r => runs[(r.Source, r.RunId)])
                .ThenBy(r => r.Attempt)
                .ThenBy(r => jobs[r.Job])
                .ThenBy(r => r.Execution))
            {
                history.Add(Code(r.Source), Code(r.RunId), r.Attempt, Code(r.Job), r.Execution, Code(r.CommitSha), Code(r.Branch), r.Outcome, r.Duration, r.StartedAt);
            }

            history.Seal();
            var team = request.OwnerOf(history.Repository)!;
            var verdicts = windows[team.Id].Select(w =>
            {
                // The full record too (what one-instant analyses and reports show), against the former loop.
                var former = FormerVerdict.Evaluate(history, w.End - options.Window, w.End, options);
                history.Evaluate(w.End - options.Window, w.End, options).Should().Be(former, $"{history.TestId} at {w.End:O}");
                return Shown(former);
            }).ToList();
            if (verdicts.Any(v => v.Executions > 0))
            {
                tests.Add(new FlakinessTimeline.TestTimeline(team, history.Repository, history.TestId, verdicts));
            }

            // Changed with the blame rule (docs/signals/tests.flaky_ci_time.md): each failure is blamed by the verdict of
            // its own window, no longer by one verdict over the whole period; every test with results feeds the ledger.
            ledger.Record(history, WindowBlame.PerWindow(bounds[team.Id], verdicts, options), impactFrom, scanTo);
        }

        var events = await ledger.ResolveAsync(request.Store, impactFrom, scanTo, default);
        return (tests.OrderBy(t => t.Repository, StringComparer.Ordinal).ThenBy(t => t.TestId, StringComparer.Ordinal).ToList(), events);
    }

    [Fact]
    public async Task ScanAsync_ResultsStoredOutOfOrder_HandsOutEachTestInIdOrderWithItsResultsByTimeThenKey()
    {
        // Three tests' results, read failures first (the store is asked to order them by outcome, then time), so tests
        // interleave and a test's results come out of order, with ties in time: at 10:00 test "a" ran in run r2 and twice
        // (a retry, both failed) in run r1's job "unit", and once in run r1's job "lint". By time, then source, run id,
        // attempt, job and execution: r1/lint/0, r1/unit/0, r1/unit/1, r2/test/0.
        var at = Monday.AddDays(1).AddHours(10);
        var results = new List<TestResult>
        {
            Result("acme/api", "c", "r9", "c9", TestOutcome.Passed, at.AddHours(5)),
            Result("acme/api", "a", "r3", "c3", TestOutcome.Passed, at.AddHours(2)),
            Result("acme/api", "b", "r3", "c3", TestOutcome.Failed, at.AddHours(2)),
            Result("acme/api", "a", "r2", "c2", TestOutcome.Passed, at),
            Result("acme/api", "a", "r1", "c1", TestOutcome.Failed, at) with { Job = "unit", Execution = 1 },
            Result("acme/api", "c", "r1", "c1", TestOutcome.Passed, at.AddHours(-1)),
            Result("acme/api", "a", "r1", "c1", TestOutcome.Failed, at) with { Job = "unit" },
            Result("acme/api", "a", "r1", "c1", TestOutcome.Passed, at) with { Job = "lint" },
            Result("acme/api", "b", "r1", "c1", TestOutcome.Passed, at.AddHours(-2)),
        };
        var store = new OrderedByOutcome(await StoreWithAsync(results));

        var seen = new List<string>();
        await TestResultScanner.ScanAsync(store, Monday, Monday.AddDays(7), null, _ => true, history =>
            seen.Add(history.TestId + ": " + string.Join(", ", history.Executions.Select(e =>
                FormattableString.Invariant($"{e.StartedAt:HH}h {history.RunKey(e.Run).Split('\u001f')[1]}/{e.Job}/{e.Execution}")))),
            default);

        // Jobs are numbered by the history in the order met: for "a", lint 0, unit 1, test 2.
        seen.Should().Equal(
            "a: 10h r1/0/0, 10h r1/1/0, 10h r1/1/1, 10h r2/2/0, 12h r3/2/0",
            "b: 08h r1/0/0, 12h r3/0/0",
            "c: 09h r1/0/0, 15h r9/0/0");
    }

    /// <summary>A real store whose test result reads come by outcome, then time: an order the scanner must not rely on.</summary>
    private sealed class OrderedByOutcome(IStore inner) : ForwardingStore(inner)
    {
        public override IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(EntityMap map, IReadOnlyList<string> columns, StoreQuery? query, CancellationToken cancellationToken) =>
            Inner.ReadColumnsAsync(map, columns, map == Entities.TestResults ? (query ?? StoreQuery.All).OrderedBy("outcome", "started_at") : query, cancellationToken);
    }

    /// <summary>What the timeline keeps of a full verdict (the reference computes full ones).</summary>
    private static WindowVerdict Shown(TestHealth health) =>
        new(health.State, health.Executions, health.Commits, health.Evidence.Total, health.Score.Estimate);

    private static string Describe(ImpactEvent e) =>
        FormattableString.Invariant($"{e.Run}/{e.Attempt} {e.At:O} {e.Lost.Ticks} {string.Join(",", e.Tests)} {e.IsAttempt}");

    private static Team Team(string id, string repository) =>
        new(id, id, "UTC", ValueList<TeamMember>.Empty, ValueList.Of(repository), ValueList<string>.Empty, null);

    private static SignalRequest Request(IStore store, IReadOnlyList<Team> teams, DateTimeOffset from, DateTimeOffset to) =>
        new(store, teams, IdentityResolver.Resolve([], [], []), from, to, Granularity.Week);

    private static TestResult Result(string repository, string testId, string runId, string commit, TestOutcome outcome, DateTimeOffset at) =>
        new("github", repository, testId, runId, 1, "test", 0, commit, "main", outcome, TimeSpan.FromSeconds(2), at, null);

    /// <summary><paramref name="count"/> passing runs a day apart, each on its own commit.</summary>
    private static IEnumerable<TestResult> Runs(string repository, string testId, DateTimeOffset first, int count) =>
        Enumerable.Range(0, count).Select(i => Result(repository, testId, $"r{i}", $"c{i}", TestOutcome.Passed, first.AddHours(i * 20)));

    private async Task<IStore> StoreWithAsync(IEnumerable<object> records)
    {
        var store = await OpenStoreAsync();
        await using var writer = await store.BeginWriteAsync(default);
        foreach (var group in records.GroupBy(r => r.GetType()))
        {
            await writer.UpsertAsync(Entities.All.Single(m => m.RecordType == group.Key), group.ToList(), default);
        }

        await writer.CommitAsync(default);
        return store;
    }
}

/// <summary>The scan on SQLite.</summary>
public sealed class SqliteFlakinessScanTests() : FlakinessScanTests(StoreKind.Sqlite);

/// <summary>The scan on PostgreSQL.</summary>
public sealed class PostgresFlakinessScanTests() : FlakinessScanTests(StoreKind.Postgres);
