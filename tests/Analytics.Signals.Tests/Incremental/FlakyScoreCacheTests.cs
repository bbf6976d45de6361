using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Testing;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using static Analytics.Signals.Tests.Flakiness.FlakyResults;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// <c>tests.flaky_score</c> through the signal cache when a test scores above zero for the first time in a span that
/// reaches every team: the cache cannot know the new series' earlier windows, so it splices each group of teams apart
/// and recomputes only the refused team's whole period, not every team's.
/// </summary>
public sealed class FlakyScoreCacheTests
{
    private const string Other = "acme/b";

    [Fact]
    public async Task ComputeAsync_ATestFirstFlakyWhileADeletionReachesEveryTeam_RecomputesOnlyItsTeam()
    {
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(22));

        // Team a (acme/api): T passes in 10 runs in week 2. Team b (acme/b): U fails and passes on one commit in each of
        // 24 runs, every 18 hours from day 1 (flaky, with 10 runs or more in the look-back of weeks 2 and 3); V passes,
        // once in week 3.
        var day15 = Monday.AddDays(15);
        TestResult[] deleted = [Result("V", "v-late", 1, 0, "v-sha", TestOutcome.Passed, day15) with { Repository = Other }];
        await store.WriteAsync((Entities.TestResults,
        [
            .. Passing("T", 10, Monday.AddDays(8)),
            .. Enumerable.Range(0, 24).SelectMany(i => new[]
            {
                Result("U", $"u{i}", 1, 0, $"u-sha{i}", TestOutcome.Failed, Monday.AddDays(1).AddHours(18 * i)) with { Repository = Other },
                Result("U", $"u{i}", 1, 1, $"u-sha{i}", TestOutcome.Passed, Monday.AddDays(1).AddHours(18 * i).AddMinutes(1)) with { Repository = Other },
            }),
            .. deleted,
        ]));

        // Six weeks, so that the batch's span (from the week 14 days before day 15, the look-back) is not the whole period.
        var request = new SignalRequest(
            store.Store, [Team("a", Repository), Team("b", Other)], new PersonDirectory([]), Monday.AddDays(-21), Monday.AddDays(21), Granularity.Week);
        var cache = new SignalCache(store.Time);
        var signal = new FlakyTestScore();
        store.Time.Advance(TimeSpan.FromHours(1));
        (await cache.ComputeAsync(signal, Fresh(request), default)).Series.Select(s => s.Labels["test"]).Should().Equal("U");

        // The batch: V's week-3 result deleted (a deletion names no repository: every team's week 3), and T's first
        // evidence, a failed attempt retried on one commit in week 3: T's series appears, with points in weeks 1 and 2.
        store.Time.Advance(TimeSpan.FromHours(1));
        await using (var writer = await store.Store.BeginWriteAsync(default))
        {
            var map = Entities.TestResults;
            var values = map.ValuesOf(deleted[0]);
            (await writer.DeleteAsync(map, [map.KeyColumns.Select(c => values[map.IndexOf(c.Name)]!).ToArray()], default)).Should().Be(1);
            await writer.UpsertAsync(map,
            [
                Result("T", "t-flaky", 1, 0, "t-sha", TestOutcome.Failed, day15.AddHours(2)),
                Result("T", "t-flaky", 2, 0, "t-sha", TestOutcome.Passed, day15.AddHours(3)),
            ], default);
            await writer.CommitAsync(default);
        }

        store.Time.Advance(TimeSpan.FromHours(1));
        var result = await cache.ComputeAsync(signal, Fresh(request), default);

        var direct = await signal.ComputeAsync(Fresh(request), default);
        direct.Select(s => s.Labels["test"]).Should().Equal("T", "U");
        result.Series.Should().BeEquivalentTo(direct);
        result.Reason.Should().NotContain("teams", "the deletion reaches both teams alike, so the span is every team's");
        result.Outcome.Should().Be(SignalCacheOutcome.Incremental, "team b's windows are spliced, only team a's period is recomputed");
    }

    // A new request each time: a request shares its loads between the signals computed over it.
    private static SignalRequest Fresh(SignalRequest request) =>
        new(request.Store, request.Teams, request.People, request.From, request.To, request.Granularity);

    private static Team Team(string id, string repository) =>
        new(id, id, "UTC", ValueList<TeamMember>.Empty, ValueList.Of(repository), ValueList<string>.Empty, null);
}
