using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Caching;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// A cache key holds a request's start window and the signals code's version, so a rolling period moves to a new key
/// every week and a release to new keys for every signal. Each pass removes the keys no pass has used for
/// <see cref="SignalCache.KeepFor"/> (14 days), with their windows, so the cache does not grow without end.
/// </summary>
public sealed class SignalCachePruneTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAsync_AKeyUnusedForLongerThanKeepFor_IsRemovedWithItsWindows()
    {
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(15));
        await store.WriteAsync((Entities.PullRequests, [Merged(1, Monday.AddDays(2))]));
        var cache = new SignalCache(store.Time);
        var signal = new MergedPullRequests();
        await cache.ComputeAsync(signal, Weekly(store.Store), default);

        // Ten days later another request (daily windows: another key) keeps the weekly key, used within 14 days.
        store.Time.Advance(TimeSpan.FromDays(10));
        await cache.ComputeAsync(signal, Daily(store.Store), default);
        (await EntriesAsync(store.Store)).Should().HaveCount(2);

        // Five days more: the weekly key was last used 15 days ago, the daily one 5 days ago.
        store.Time.Advance(TimeSpan.FromDays(5));
        await cache.ComputeAsync(signal, Daily(store.Store), default);

        var entries = await EntriesAsync(store.Store);
        entries.Should().ContainSingle().Which.RequestTo.Should().Be(Daily(store.Store).To);
        (await WindowKeysAsync(store.Store)).Should().OnlyContain(key => key == entries[0].CacheKey);

        // The weekly request is computed afresh, and equals a direct computation.
        var again = await cache.ComputeAsync(signal, Weekly(store.Store), default);
        again.Outcome.Should().Be(SignalCacheOutcome.Full);
        again.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Weekly(store.Store), default));
    }

    private static async Task<List<SignalCacheEntry>> EntriesAsync(IStore store)
    {
        var entries = new List<SignalCacheEntry>();
        await foreach (var entry in store.ReadAsync(Entities.SignalCacheEntries, null, default))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private static async Task<HashSet<string>> WindowKeysAsync(IStore store)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var window in store.ReadAsync(Entities.SignalCacheWindows, null, default))
        {
            keys.Add(window.CacheKey);
        }

        return keys;
    }

    private static SignalRequest Weekly(IStore store) => Request(store, Granularity.Week, Monday.AddDays(14));

    private static SignalRequest Daily(IStore store) => Request(store, Granularity.Day, Monday.AddDays(7));

    private static SignalRequest Request(IStore store, Granularity granularity, DateTimeOffset to)
    {
        var team = new Team("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        return new(store, [team], new PersonDirectory([]), Monday, to, granularity);
    }

    private static PullRequest Merged(int number, DateTimeOffset merged) =>
        new("github", $"acme/api#{number}", "acme/api", number, $"PR {number}", PullRequestState.Merged, false, "alice",
            merged.AddDays(-1), merged, merged, merged, "main", "alice/work", 10, 1, 1, ValueList<string>.Empty, null);
}
