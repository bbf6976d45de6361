using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests;

/// <summary>A fresh SQLite store with one team, "payments", owning acme/api, counting weeks in UTC.</summary>
public sealed class SignalFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-signals-").FullName;

    public Team Team { get; } = new("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/api"), ValueList.Of("api"), null);

    public IStore Store { get; private set; } = null!;

    public static async Task<SignalFixture> CreateAsync(params object[] records)
    {
        var fixture = new SignalFixture();
        fixture.Store = await Analytics.Storage.Store.OpenAsync(
            new StoreLocation(StoreKind.Sqlite, Path.Combine(fixture._directory, "store.db")), new FakeTimeProvider(Monday), default);
        await using var writer = await fixture.Store.BeginWriteAsync(default);
        foreach (var group in records.GroupBy(r => r.GetType()))
        {
            await writer.UpsertAsync(Entities.All.Single(m => m.RecordType == group.Key), group.ToList(), default);
        }

        await writer.CommitAsync(default);
        return fixture;
    }

    /// <summary>Two weeks: 2–8 and 9–15 November 2026.</summary>
    public SignalRequest TwoWeeks(params Identity[] identities) => new(
        Store,
        [Team],
        IdentityResolver.Resolve(identities, [], []),
        Monday,
        Monday.AddDays(14),
        Granularity.Week);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
