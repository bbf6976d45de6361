using Analytics.Collectors.Simulation;
using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// The proof of the signal cache: over a simulated organisation, every catalog signal computed through the cache equals
/// a full computation (series, labels and values exactly) after each kind of batch, and a recent batch recomputes only
/// the windows its footprint names. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class SignalCacheEquivalenceTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    // The batch: everything the simulator dated in the last three days, held back from the first write.
    private static readonly DateTimeOffset Cut = End.AddDays(-3);

    private readonly FakeTimeProvider _time = new(End.AddHours(1));

    protected FakeTimeProvider Time => _time;

    protected abstract Task<IStore> OpenStoreAsync();

    [Fact]
    public async Task ComputeAsync_AfterEachKindOfBatch_EqualsAFullComputation()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 150, Scale = 0.2, Seed = 46 });
        var byEntity = SimulatedOrganisationWriter.RecordsByEntity(organisation);
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, byEntity.Select(e => (e.Map, (IReadOnlyList<object>)e.Records.Where(r => !IsRecent(e.Map, r)).ToList())));

        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var request = new SignalRequest(store, organisation.Teams, people, End.AddDays(-84), End, Granularity.Week);
        var teams = organisation.Teams.Count;
        var cache = new SignalCache(_time);
        _time.Advance(TimeSpan.FromHours(1));

        // First pass: nothing cached, every signal computed whole; a second pass at once reuses every window.
        (await CheckAllAsync(cache, request, "first")).Values.Should().OnlyContain(r => r.Outcome == SignalCacheOutcome.Full);
        _time.Advance(TimeSpan.FromHours(1));
        (await CheckAllAsync(cache, request, "unchanged")).Values.Should().OnlyContain(r => r.Outcome == SignalCacheOutcome.Reused);

        // 1. A recent batch: the last three days' records. Bounded signals recompute only the last windows: pr.merged the
        // window of the merges (at most 2 per time zone: the three days can straddle a week's start), CI a week either
        // side (3 per zone), the flaky-test analysis 15 days back (the last 3 windows per zone at most).
        _time.Advance(TimeSpan.FromHours(1));
        await WriteAsync(store, byEntity.Select(e => (e.Map, (IReadOnlyList<object>)e.Records.Where(r => IsRecent(e.Map, r)).ToList())));
        _time.Advance(TimeSpan.FromHours(1));
        var recent = await CheckAllAsync(cache, request, "recent batch");
        recent["pr.merged"].WindowsRecomputed.Should().BeInRange(1, 2 * teams);
        recent["ci.run_duration"].WindowsRecomputed.Should().BeInRange(1, 3 * teams);
        recent["tests.flaky"].WindowsRecomputed.Should().BeInRange(1, 3 * teams);
        recent["pr.merged"].WindowsReused.Should().BeGreaterThanOrEqualTo(recent["pr.merged"].WindowsRecomputed * 4);
        string[] incremental = ["pr.merged", "pr.cycle_time", "pr.size", "pr.wip", "ci.run_duration", "ci.queue_duration", "ci.failure_rate",
            "ci.rerun_rate", "ci.cost", "review.reviews", "review.time_to_first_review", "dora.lead_time", "dora.deployment_frequency",
            "tests.flaky", "tickets.cycle_time", "offhours.share"];
        incremental.Should().OnlyContain(s => recent[s].Outcome == SignalCacheOutcome.Incremental, "a recent batch reaches only their last windows");
        // A signal recomputed whole is never recomputed window by window: whole, or (per team) whole for the teams reached.
        SignalFootprints.RecomputedWhole.Where(s => !SignalFootprints.PerTeam.Contains(s))
            .Should().OnlyContain(s => recent[s].Outcome == SignalCacheOutcome.Full || recent[s].Outcome == SignalCacheOutcome.Reused);
        SignalFootprints.RecomputedWhole.Where(SignalFootprints.PerTeam.Contains)
            .Should().OnlyContain(s => recent[s].Outcome != SignalCacheOutcome.Uncached && (recent[s].Outcome != SignalCacheOutcome.Incremental || recent[s].Reason.Contains(" teams")));

        // 2. A changed old record: a pull request merged seven weeks ago grows; pr.size recomputes from its window on.
        _time.Advance(TimeSpan.FromHours(1));
        var old = organisation.PullRequests.First(p => p.MergedAt is { } m && m > End.AddDays(-50) && m < End.AddDays(-45));
        await WriteAsync(store, [(Entities.PullRequests, [old with { Additions = old.Additions + 1000, Title = old.Title + " (edited)" }])]);

        // 2b. A repository's default branch changes: the CI signals recompute the windows of its runs, not the others.
        _time.Advance(TimeSpan.FromHours(1));
        var changedRepository = await CheckAllAsync(cache, request, "changed old record");
        changedRepository["pr.size"].Outcome.Should().Be(SignalCacheOutcome.Incremental);
        // The teams are in several time zones, so the span runs from the changed window to the period's end (a span
        // ending on one zone's window edge would cut another zone's window): the windows before it are reused.
        changedRepository["pr.size"].WindowsRecomputed.Should().BePositive();
        changedRepository["pr.size"].WindowsReused.Should().BeGreaterThanOrEqualTo(5 * teams, "the weeks before the changed one come from the cache");
        changedRepository["ci.run_duration"].Outcome.Should().Be(SignalCacheOutcome.Reused);
        _time.Advance(TimeSpan.FromHours(1));
        var repository = organisation.Repositories[0];
        await WriteAsync(store, [(Entities.Repositories, [repository with { DefaultBranch = repository.DefaultBranch + "-renamed" }])]);
        _time.Advance(TimeSpan.FromHours(1));
        var changed = await CheckAllAsync(cache, request, "changed repository");
        changed["ci.run_duration"].Outcome.Should().Be(SignalCacheOutcome.Incremental);
        changed["pr.size"].Outcome.Should().Be(SignalCacheOutcome.Reused);

        // 3. Deleted records (a full refresh removes rows): a workflow run and its test results from five weeks ago, an incident.
        _time.Advance(TimeSpan.FromHours(1));
        var run = organisation.WorkflowRuns.First(r => r.QueuedAt > End.AddDays(-36) && organisation.TestResults.Any(t => t.RunId == r.RunId && t.Repository == r.Repository));
        var incident = organisation.Incidents.First(i => i.CreatedAt > End.AddDays(-40));
        await using (var writer = await store.BeginWriteAsync(default))
        {
            (await writer.DeleteAsync(Entities.WorkflowRuns, [[run.Source, run.Repository, run.RunId, run.Attempt]], default)).Should().Be(1);
            var results = organisation.TestResults.Where(t => t.RunId == run.RunId && t.Repository == run.Repository)
                .Select(t => new object[] { t.Source, t.Repository, t.RunId, t.Attempt, t.Job, t.TestId, t.Execution }).ToList();
            (await writer.DeleteAsync(Entities.TestResults, results, default)).Should().BePositive();
            (await writer.DeleteAsync(Entities.Incidents, [[incident.Source, incident.SourceId]], default)).Should().Be(1);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var deleted = await CheckAllAsync(cache, request, "deleted records");
        deleted["ci.run_duration"].Outcome.Should().NotBe(SignalCacheOutcome.Reused, "a deleted run must invalidate its windows");
        deleted["incidents.count"].Outcome.Should().NotBe(SignalCacheOutcome.Reused);
        deleted["pr.merged"].Outcome.Should().Be(SignalCacheOutcome.Reused);

        // 4. Records dated before the period: a merged pull request and a commit from a year ago. pr.merged has nothing to
        // recompute; the truck factor (history up to each window's end) recomputes every window.
        _time.Advance(TimeSpan.FromHours(1));
        var template = organisation.PullRequests.First(p => p.MergedAt is not null);
        var commit = organisation.Commits[0];
        await WriteAsync(store,
        [
            (Entities.PullRequests, [template with { SourceId = "ancient-1", Number = 999_001, CreatedAt = End.AddDays(-400), UpdatedAt = End.AddDays(-399), MergedAt = End.AddDays(-399), ClosedAt = End.AddDays(-399) }]),
            (Entities.Commits, [commit with { Sha = new string('a', 40), AuthoredAt = End.AddDays(-380), CommittedAt = End.AddDays(-380) }]),
        ]);
        _time.Advance(TimeSpan.FromHours(1));
        var before = await CheckAllAsync(cache, request, "records before the period");
        before["pr.merged"].Outcome.Should().Be(SignalCacheOutcome.Reused);
        before["ownership.truck_factor"].Outcome.Should().NotBe(SignalCacheOutcome.Reused);

        // 5. The period grows by a week: only the new windows (and the one containing the old end) are computed.
        _time.Advance(TimeSpan.FromHours(1));
        var longer = await CheckAllAsync(cache, request with { To = End.AddDays(7) }, "a week later");
        longer["pr.merged"].Outcome.Should().Be(SignalCacheOutcome.Incremental);
        longer["pr.merged"].WindowsRecomputed.Should().BeInRange(1, 2 * teams);

        // 5b. Every entity a signal reads, one record each from the middle of the period: deleted, then written back.
        // A footprint that misses an entity or reaches too few windows leaves a cached window stale, which the full
        // computation beside it shows.
        var middle = byEntity.Where(e => SignalEntities.Contains(e.Map.Table)).Select(e => (e.Map, Record: Middle(e.Map, e.Records))).ToList();
        middle.Select(m => m.Map.Table).Should().BeEquivalentTo(SignalEntities, "the simulated organisation has records of every entity the signals read");
        // The same teams in one time zone as well: there a span ends on its last window's edge instead of running to the
        // period's end (SignalCache.ToWindowEdges), so a footprint that reaches too few later windows shows too.
        var oneZone = request with { Teams = [.. organisation.Teams.Select(t => t with { TimeZone = "Europe/Berlin" })], To = End.AddDays(7) };
        _time.Advance(TimeSpan.FromHours(1));
        await CheckAllAsync(cache, oneZone, "one zone, before");
        _time.Advance(TimeSpan.FromHours(1));
        await using (var writer = await store.BeginWriteAsync(default))
        {
            foreach (var (map, record) in middle)
            {
                var values = map.ValuesOf(record);
                (await writer.DeleteAsync(map, [map.KeyColumns.Select(c => values[map.IndexOf(c.Name)]!).ToArray()], default)).Should().Be(1, map.Table);
            }

            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        await CheckAllAsync(cache, request with { To = End.AddDays(7) }, "one of each deleted");
        _time.Advance(TimeSpan.FromHours(1));
        await CheckAllAsync(cache, oneZone, "one zone, one of each deleted");

        // Written back one entity at a time, so that no other entity's change covers a footprint's gap.
        foreach (var (map, record) in middle)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await WriteAsync(store, [(map, [record])]);
            _time.Advance(TimeSpan.FromHours(1));
            await CheckAllAsync(cache, oneZone, $"one zone, {map.Table} written back");
        }

        _time.Advance(TimeSpan.FromHours(1));
        var rewritten = await CheckAllAsync(cache, request with { To = End.AddDays(7) }, "one of each written back");
        rewritten["pr.merged"].Outcome.Should().Be(SignalCacheOutcome.Incremental, "a written-back record is placed by its times, not everywhere");

        // 6. A period that starts two hours later, in the same first windows (as a rule evaluation's period does from one
        // run to the next): the same key for signals computed window by window.
        _time.Advance(TimeSpan.FromHours(1));
        var later = await CheckAllAsync(cache, request with { From = request.From.AddHours(2), To = End.AddDays(7) }, "a later start");
        later["pr.merged"].Outcome.Should().Be(SignalCacheOutcome.Reused);
        later["ci.duration_change_points"].Outcome.Should().Be(SignalCacheOutcome.Full);
    }

    // Every entity some catalog signal reads (the footprints' entities, their via targets included).
    [Fact]
    public async Task ComputeAllAsync_AfterABatch_EqualsEachSignalComputedAloneAndDirectly()
    {
        // Two stores with the same records: on one the catalogue goes through ComputeAllAsync (the incremental signals
        // recomputed over common spans, each entity's changed rows read once), on the other each signal goes through
        // ComputeAsync alone (its own spans, its own reads). After a recent batch both must equal a full computation.
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 100, Scale = 0.1, Seed = 47 });
        var byEntity = SimulatedOrganisationWriter.RecordsByEntity(organisation);
        await using var together = await OpenStoreAsync();
        await using var alone = await OpenStoreAsync();
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var togetherRequest = new SignalRequest(together, organisation.Teams, people, End.AddDays(-70), End, Granularity.Week);
        var aloneRequest = togetherRequest with { Store = alone };
        var togetherCache = new SignalCache(_time);
        var aloneCache = new SignalCache(_time);
        foreach (var store in new[] { together, alone })
        {
            await WriteAsync(store, byEntity.Select(e => (e.Map, (IReadOnlyList<object>)e.Records.Where(r => !IsRecent(e.Map, r)).ToList())));
        }

        _time.Advance(TimeSpan.FromHours(1));
        await togetherCache.ComputeAllAsync(SignalCatalog.All, Fresh(togetherRequest), 2, default);
        foreach (var signal in SignalCatalog.All)
        {
            await aloneCache.ComputeAsync(signal, Fresh(aloneRequest), default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        foreach (var store in new[] { together, alone })
        {
            await WriteAsync(store, byEntity.Select(e => (e.Map, (IReadOnlyList<object>)e.Records.Where(r => IsRecent(e.Map, r)).ToList())));
        }

        _time.Advance(TimeSpan.FromHours(1));
        var all = await togetherCache.ComputeAllAsync(SignalCatalog.All, Fresh(togetherRequest), 2, default);
        var directly = Fresh(togetherRequest);
        var incremental = new List<SignalCacheResult>();
        for (var i = 0; i < all.Count; i++)
        {
            var signal = SignalCatalog.All[i];
            var byItself = await aloneCache.ComputeAsync(signal, Fresh(aloneRequest), default);
            output.WriteLine($"{signal.Name,-36} together {all[i].Outcome,-12} {all[i].WindowsRecomputed,3} alone {byItself.Outcome,-12} {byItself.WindowsRecomputed,3} ({all[i].Reason})");
            AssertEqual(signal.Name, "a batch, computed alone", byItself.Series, all[i].Series);
            AssertEqual(signal.Name, "a batch, computed directly", await signal.ComputeAsync(directly, default), all[i].Series);
            if (all[i].Outcome == SignalCacheOutcome.Incremental)
            {
                incremental.Add(all[i]);
            }
        }

        // The common spans are exercised: several incremental signals whose own spans differ in length.
        incremental.Should().HaveCountGreaterThan(10);
        incremental.Select(r => r.WindowsRecomputed).Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public async Task ComputeAllAsync_ASecondOrganisationsRecords_RecomputeOnlyItsTeams()
    {
        // The benchmark's batch: a second organisation's teams are in the request from the start (with ids and services of
        // its own, OrganisationCopy), its records arrive in one batch. The signals whose teams' series depend only on their
        // own repositories recompute only the new teams (the truck factor and change points their whole period); every
        // signal equals a full computation.
        var first = OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 100, Scale = 0.1, Seed = 48 });
        var second = OrganisationCopy.Distinct(OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 60, Scale = 0.05, Seed = 49, Owner = "newco" }));
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, SimulatedOrganisationWriter.RecordsByEntity(first).Select(e => (e.Map, e.Records)));
        var newTeams = OrganisationCopy.Teams(second).ToList();
        var teams = first.Teams.Concat(newTeams).ToList();
        var people = IdentityResolver.Resolve(first.Identities.Concat(second.Identities).Distinct(), teams.SelectMany(t => t.Members), []);
        var request = new SignalRequest(store, teams, people, End.AddDays(-70), End, Granularity.Week);
        var cache = new SignalCache(_time);
        _time.Advance(TimeSpan.FromHours(1));
        await CheckAllAsync(cache, request, "one organisation");

        // In the same batch, a third organisation's records that no team of the request lists (a collector reading a whole
        // GitHub organisation): they count for no team, so they recompute nothing of these signals.
        var stranger = OrganisationCopy.Distinct(OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 60, Scale = 0.02, Seed = 50, Owner = "stranger" }));
        _time.Advance(TimeSpan.FromHours(1));
        await WriteAsync(store, SimulatedOrganisationWriter.RecordsByEntity(second).Concat(SimulatedOrganisationWriter.RecordsByEntity(stranger))
            .Select(e => (e.Map, e.Records)));
        _time.Advance(TimeSpan.FromHours(1));
        var joined = await CheckAllAsync(cache, request, "a second organisation's records");

        // The incident and on-call signals too: an incident counts for the team running its service (TeamAttribution), so
        // they recompute the new teams whose services had incidents.
        var separate = SignalFootprints.PerTeam.ToList();
        separate.Should().Contain(["incidents.count", "oncall.load_gini"]).And.HaveCountGreaterThan(30);
        foreach (var signal in separate)
        {
            joined[signal].Outcome.Should().Be(SignalCacheOutcome.Incremental, signal);
            var reached = System.Text.RegularExpressions.Regex.Match(joined[signal].Reason, $" for (\\d+) of {teams.Count} teams$");
            reached.Success.Should().BeTrue($"{signal}: {joined[signal].Reason}");
            var count = int.Parse(reached.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (SignalFootprints.For(signal, request)!.Reads.Any(r => r.Entity == Entities.Incidents))
            {
                count.Should().BeInRange(1, newTeams.Count, signal);
            }
            else
            {
                count.Should().Be(newTeams.Count, signal);
            }

            joined[signal].WindowsRecomputed.Should().BeLessThanOrEqualTo(newTeams.Count * 11, signal);
        }
    }

    private static readonly string[] SignalEntities =
    [
        "repositories", "pull_requests", "reviews", "review_comments", "pull_request_commits", "commits", "file_changes",
        "workflow_runs", "ci_jobs", "test_results", "deployments", "tickets", "ticket_transitions", "incidents", "sprints",
        "sprint_changes",
    ];

    // A record placed about six weeks before the end (by its first instant column), or the middle one when it has none.
    private static object Middle(EntityMap map, IReadOnlyList<object> records)
    {
        var first = map.Columns.Select((c, i) => (c, i)).FirstOrDefault(p => p.c.Kind == ColumnKind.Instant);
        return first.c is null
            ? records[records.Count / 2]
            : records.FirstOrDefault(r => map.ValuesOf(r)[first.i] is DateTimeOffset at && at > End.AddDays(-45) && at < End.AddDays(-38))
                ?? records[records.Count / 2];
    }

    private static bool IsRecent(EntityMap map, object record)
    {
        var values = map.ValuesOf(record);
        var first = map.Columns.Select((c, i) => (c, i)).FirstOrDefault(p => p.c.Kind == ColumnKind.Instant);
        return first.c is not null && values[first.i] is DateTimeOffset at && at >= Cut;
    }

    private static SignalRequest Fresh(SignalRequest request) =>
        new(request.Store, request.Teams, request.People, request.From, request.To, request.Granularity)
        {
            Aggregator = request.Aggregator,
            AttributionWindow = request.AttributionWindow,
            ProductionEnvironments = request.ProductionEnvironments,
            RunnerPrices = request.RunnerPrices,
        };

    private static async Task WriteAsync(IStore store, IEnumerable<(EntityMap Map, IReadOnlyList<object> Records)> batch)
    {
        await using var writer = await store.BeginWriteAsync(default);
        foreach (var (map, records) in batch)
        {
            if (records.Count > 0)
            {
                await writer.UpsertAsync(map, records.ToList(), default);
            }
        }

        await writer.CommitAsync(default);
    }

    // Computes every catalog signal through the cache and directly, and asserts they agree exactly. Each side gets a new
    // request: a request shares its loads between the signals computed over it (SignalRequest.OncePerRequestAsync), so
    // one kept across writes would serve what it read before them, and the two sides must not share theirs.
    private async Task<Dictionary<string, SignalCacheResult>> CheckAllAsync(SignalCache cache, SignalRequest request, string step)
    {
        var results = new Dictionary<string, SignalCacheResult>();
        var throughCache = Fresh(request);
        var directly = Fresh(request);
        var all = await cache.ComputeAllAsync(SignalCatalog.All, throughCache, 2, default);
        for (var i = 0; i < all.Count; i++)
        {
            var signal = SignalCatalog.All[i];
            var cached = all[i];
            var direct = await signal.ComputeAsync(directly, default);
            output.WriteLine($"{step,-26} {signal.Name,-36} {cached.Outcome,-12} recomputed {cached.WindowsRecomputed,3} reused {cached.WindowsReused,3} rows {cached.ChangedRows,5} ({cached.Reason})");
            AssertEqual(signal.Name, step, direct, cached.Series);
            results[signal.Name] = cached;
        }

        return results;
    }

    private static void AssertEqual(string signal, string step, IReadOnlyList<Series.Series> direct, IReadOnlyList<Series.Series> cached)
    {
        // Series order is not part of the contract (a label set first seen in a recomputed span is appended): compare by labels.
        var expected = direct.ToDictionary(s => s.Labels);
        var actual = cached.ToDictionary(s => s.Labels);
        actual.Keys.Should().BeEquivalentTo(expected.Keys, $"{signal} after {step}: the same label sets");
        foreach (var (labels, series) in expected)
        {
            var other = actual[labels];
            other.Points.Select(p => p.Window).Should().Equal(series.Points.Select(p => p.Window), $"{signal}{labels} after {step}: the same windows");
            for (var i = 0; i < series.Points.Count; i++)
            {
                other.Points[i].Should().Be(series.Points[i], $"{signal}{labels} after {step}, window {series.Points[i].Window}");
            }

            other.Should().Be(series, $"{signal}{labels} after {step}");
        }
    }
}
