using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Testing.Time;

namespace Analytics.Rules.Tests.Language;

/// <summary>Signals read for rule evaluation from a simulated organisation on SQLite, computed together or one by one.</summary>
public sealed class SignalSeriesSourceTests : IDisposable
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Signals = ["pr.merged", "review.reviews", "tests.flaky", "ci.run_duration", "ownership.truck_factor"];
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-rules-").FullName;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PrepareAsync_ThenReadAsync_GivesWhatEachSignalComputesAlone(bool throughCache)
    {
        var time = new FakeTimeProvider(End.AddHours(1));
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 60, Scale = 0.05, Seed = 51 });
        await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, $"store-{throughCache}.db")), time, default);
        await SimulatedOrganisationWriter.WriteAsync(store, organisation, null, default);
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        SignalRequest Request() => new(store, organisation.Teams, people, End.AddDays(-28), End, Granularity.Week);
        var source = new SignalSeriesSource(Request(), throughCache ? new SignalCache(time) : null);

        // An unknown name is left to ReadAsync, which says so.
        await source.PrepareAsync([.. Signals.Select(s => (s, Granularity.Week)), ("no.such_signal", Granularity.Week)], default);

        foreach (var name in Signals)
        {
            var alone = await SignalCatalog.Find(name)!.ComputeAsync(Request(), default);
            (await source.ReadAsync(name, Granularity.Week, default)).Should().Equal(alone, name);
        }

        await source.Invoking(s => s.ReadAsync("no.such_signal", Granularity.Week, default)).Should().ThrowAsync<ArgumentException>();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
