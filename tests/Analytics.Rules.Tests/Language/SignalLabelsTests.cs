using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing;
using Analytics.Testing.Files;
using Analytics.Testing.Time;

namespace Analytics.Rules.Tests.Language;

public sealed class SignalLabelsTests
{
    [Fact]
    public void Catalog_EverySignal_HasDeclaredLabels()
    {
        foreach (var signal in SignalCatalog.All)
        {
            SignalLabels.Catalog.TryGet(signal.Name, out var labels).Should().BeTrue();
            labels.Should().NotBeNull($"{signal.Name} needs its labels declared in SignalLabels so rules are checked against them");
        }
    }

    [Fact]
    public async Task Catalog_ComputedSeries_CarryOnlyDeclaredLabels()
    {
        // Every signal computed over the sample records (one team owning acme/api, its members alice and bob): each
        // series' labels must be among those the registry declares, or rules would be checked against the wrong names.
        using var folder = new TempDirectory();
        var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, folder.Combine("store.db")), new FakeTimeProvider(SampleRecords.T0), default);
        await using (store)
        {
            await using (var writer = await store.BeginWriteAsync(default))
            {
                foreach (var group in SampleRecords.Full.GroupBy(r => r.GetType()))
                {
                    await writer.UpsertAsync(Entities.All.Single(m => m.RecordType == group.Key), group.ToList(), default);
                }

                await writer.CommitAsync(default);
            }

            var members = ValueList.Of(
                new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("github", "alice"))),
                new TeamMember("bob", "Bob", ValueList.Of(new IdentityRef("github", "bob"))));
            var team = new Team("payments", "Payments", "UTC", members, ValueList.Of("acme/api"), ValueList.Of("api"), null);
            var request = new SignalRequest(store, [team], IdentityResolver.Resolve([], [.. members], []), SampleRecords.T0.AddDays(-14), SampleRecords.T0.AddDays(14), Granularity.Week);
            var seen = 0;
            foreach (var signal in SignalCatalog.All)
            {
                SignalLabels.Catalog.TryGet(signal.Name, out var declared);
                foreach (var series in await signal.ComputeAsync(request, default))
                {
                    series.Labels.Items.Select(l => l.Name).Should().BeSubsetOf(declared!, signal.Name);
                    seen++;
                }
            }

            seen.Should().BeGreaterThan(SignalCatalog.All.Count, "the sample records give most signals at least one series");
        }
    }
}
