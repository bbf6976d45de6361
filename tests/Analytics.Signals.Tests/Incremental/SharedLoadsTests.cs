using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// <see cref="SignalFootprints.SharedLoads"/> is kept by hand: a signal the cache recomputes whole that shares a load
/// with another must be in its group, or a pass makes the load twice (once over the whole request, once over the
/// other's span). Which loads each signal makes is observed, not declared: each catalog signal computed alone over a
/// simulated organisation.
/// </summary>
public sealed class SharedLoadsTests : IAsyncDisposable
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    // Loads a signal computed whole shares with signals kept out of its group on purpose. The CI runs (CiRuns.ReadKey)
    // give CI cost and waste their jobs' workflows, but those share the flaky-test analysis (25 s of CPU for the year),
    // which change points computed whole must not drag along; and the CI run signals' percentiles over every team's year
    // cost more than reading their own weeks of runs again (session 11: 4.5 s of CPU after a recent batch). (The change
    // failure rate, recomputed whole on any incident until session 9, shared the production deployments with deployment
    // frequency and lead time apart on purpose.)
    private static readonly string[] KeptApart =
    [
        "ci.duration_change_points ~ ci.cost: ReadKey",
        "ci.duration_change_points ~ ci.failure_rate: ReadKey",
        "ci.duration_change_points ~ ci.queue_duration: ReadKey",
        "ci.duration_change_points ~ ci.rerun_rate: ReadKey",
        "ci.duration_change_points ~ ci.run_duration: ReadKey",
        "ci.duration_change_points ~ ci.runner_minutes: ReadKey",
        "ci.duration_change_points ~ ci.wasted_cost: ReadKey",
        "ci.duration_change_points ~ ci.wasted_minutes: ReadKey",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-shared-loads-").FullName;

    [Fact]
    public async Task SharedLoads_GroupEverySignalComputedWholeWithTheSignalsSharingItsLoads()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 60, Scale = 0.05, Seed = 51 });
        await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, "store.db")), new FakeTimeProvider(End), default);
        await using (var writer = await store.BeginWriteAsync(default))
        {
            foreach (var (map, records) in SimulatedOrganisationWriter.RecordsByEntity(organisation).Where(e => e.Records.Count > 0))
            {
                await writer.UpsertAsync(map, records.ToList(), default);
            }

            await writer.CommitAsync(default);
        }

        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var loads = new Dictionary<string, IReadOnlyList<object>>();
        foreach (var signal in SignalCatalog.All)
        {
            var request = new SignalRequest(store, organisation.Teams, people, End.AddDays(-42), End, Granularity.Week);
            await signal.ComputeAsync(request, default);
            loads[signal.Name] = request.LoadsMade;
        }

        var probe = new SignalRequest(store, organisation.Teams, people, End.AddDays(-42), End, Granularity.Week);
        var whole = SignalCatalog.All.Select(s => SignalFootprints.For(s.Name, probe)!)
            .Where(f => f.RecomputedWhole || f.Reads.Any(r => r.Reach.Kind == ReachKind.Everything))
            .Select(f => f.Signal)
            .ToList();
        whole.Should().Contain(["ci.duration_change_points", "postmortems.overdue", "onboarding.time_to_first_review"], "the check must see the signals it is about");
        loads["ci.duration_change_points"].Should().NotBeEmpty("the change points share the CI runs");
        var apart = new List<string>();
        foreach (var signal in whole)
        {
            // Two signals computed whole are computed in the same round anyway.
            foreach (var other in loads.Keys.Where(o => !whole.Contains(o) && loads[o].Intersect(loads[signal]).Any()))
            {
                if (!SignalFootprints.SharedLoads.Any(g => g.Contains(signal) && g.Contains(other)))
                {
                    apart.Add($"{signal} ~ {other}: {string.Join(", ", loads[other].Intersect(loads[signal]).Select(w => w is System.Runtime.CompilerServices.ITuple t ? t[0] : w is string ? w : w.GetType().Name))}");
                }
            }
        }

        apart.Order(StringComparer.Ordinal).Should().Equal(KeptApart);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        await Task.CompletedTask;
    }
}
