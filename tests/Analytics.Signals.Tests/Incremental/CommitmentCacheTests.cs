using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Commitments;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// Which teams have sprint series and which a forecast depends on every sprint in the store, in the period or not
/// (<see cref="SignalFootprint.SeriesSetOfWholeStore"/>). Teams "payments" (alice) and "search" (bob), neither with a
/// sprint at first; weeks 2–8 and 9–15 November 2026 (UTC); search resolves SRC-1 and SRC-2 in week 1, SRC-3 in week 2.
/// </summary>
public sealed class CommitmentCacheTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-commitment-cache-").FullName;
    private readonly FakeTimeProvider _time = new(Monday.AddDays(40));

    [Fact]
    public async Task ComputeAsync_ASprintAfterThePeriod_EndsTheTeamsForecast()
    {
        // A sprint of search's starts on 22 Nov, after the period: search has sprints now, so no forecast, and empty
        // sprint series in the period. Nothing the batch holds is placed in the period.
        await using var store = await OpenAsync();
        var (before, after) = await ComputeBeforeAndAfterAsync(
            store, new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(20), Monday.AddDays(34), Monday.AddDays(27)), Monday.AddDays(19));

        before["commitment.forecast_ratio"].Series.Select(s => s.Labels["team"]).Should().Equal("payments", "search");
        after["commitment.forecast_ratio"].Series.Select(s => s.Labels["team"]).Should().Equal("payments");
        after["commitment.sprint_completion"].Series.Should().HaveCount(2)
            .And.OnlyContain(s => s.Labels["team"] == "search" && s.Points.All(p => p.Observations == 0));
        after["commitment.forecast_ratio"].Reason.Should().Be("a change outside the period can change which series it has");
        await AssertEqualsFullAsync(store, after);
    }

    [Fact]
    public async Task ComputeAsync_ASprintInThePeriod_EndsTheTeamsForecast()
    {
        // A sprint of search's from Thu 5 to Wed 11 Nov: sprint series for search, its forecast gone from every window.
        await using var store = await OpenAsync();
        var (_, after) = await ComputeBeforeAndAfterAsync(
            store, new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9)), Monday.AddDays(2));

        after["commitment.forecast_ratio"].Series.Select(s => s.Labels["team"]).Should().Equal("payments");
        after["commitment.sprint_completion"].Series.Select(s => s.Labels["team"]).Distinct().Should().Equal("search");
        await AssertEqualsFullAsync(store, after);
    }

    [Fact]
    public async Task ComputeAsync_ASprintChangingTeams_MovesTheForecastEvenWhereTheSpanDoesNotReach()
    {
        // Over four weeks from 19 Oct: search's sprint S9 (5–11 Nov) holds SRC-4, created on Tue 3 Nov. SRC-4 is
        // reassigned to alice: S9 becomes payments'. Payments' forecast (no observations anywhere) goes from every
        // window and search gets one, though the change reaches only the weeks from SRC-4's creation.
        await using var store = await OpenAsync();
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Tickets, [Ticket("SRC-1", Monday.AddDays(-8)), Ticket("SRC-4", Monday.AddDays(8)) with { CreatedAt = Monday.AddDays(1) }], default);
            await writer.UpsertAsync(Entities.Sprints, [new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9))], default);
            await writer.UpsertAsync(Entities.SprintChanges, [new SprintChange("jira", "SRC-4", "c1", "9", Monday.AddDays(2), SprintChangeKind.Added)], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var cache = new SignalCache(_time);
        var from = Monday.AddDays(-14);
        var before = Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store, from), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);
        before["commitment.forecast_ratio"].Series.Select(s => s.Labels["team"]).Should().Equal("payments");

        _time.Advance(TimeSpan.FromHours(1));
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Tickets, [Ticket("SRC-4", Monday.AddDays(8)) with { CreatedAt = Monday.AddDays(1), Assignee = "jira-alice" }], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var after = Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store, from), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);

        after["commitment.forecast_ratio"].Series.Select(s => s.Labels["team"]).Should().Equal("search");
        foreach (var signal in Signals)
        {
            after[signal.Name].Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store, from), default), signal.Name);
        }
    }

    [Fact]
    public async Task ComputeAsync_ATeamsFirstSprint_EndsItsForecastWithoutObservations()
    {
        // Over four weeks from 19 Oct, search has a sprint in the first week; payments resolves nothing, so its forecast
        // has no observations anywhere. The batch: payments' first sprint (5–11 Nov) with PAY-1, created on Tue 3 Nov.
        // Payments' forecast goes from every window, those the change does not reach too.
        await using var store = await OpenAsync();
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Tickets, [Ticket("SRC-1", Monday.AddDays(-10)) with { CreatedAt = Monday.AddDays(-14) }], default);
            await writer.UpsertAsync(Entities.Sprints, [new Sprint("jira", "8", "S8", "SRC board", Monday.AddDays(-13), Monday.AddDays(-8), Monday.AddDays(-8))], default);
            await writer.UpsertAsync(Entities.SprintChanges, [new SprintChange("jira", "SRC-1", "c1", "8", Monday.AddDays(-14), SprintChangeKind.Added)], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var cache = new SignalCache(_time);
        var from = Monday.AddDays(-14);
        var before = Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store, from), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);
        before["commitment.forecast_ratio"].Series.Select(s => s.Labels["team"]).Should().Equal("payments");

        _time.Advance(TimeSpan.FromHours(1));
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Tickets, [Ticket("PAY-1", Monday.AddDays(20)) with { CreatedAt = Monday.AddDays(1), Assignee = "jira-alice" }], default);
            await writer.UpsertAsync(Entities.Sprints, [new Sprint("jira", "9", "S9", "PAY board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9))], default);
            await writer.UpsertAsync(Entities.SprintChanges, [new SprintChange("jira", "PAY-1", "c2", "9", Monday.AddDays(2), SprintChangeKind.Added)], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var after = Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store, from), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);

        after["commitment.forecast_ratio"].Series.Should().BeEmpty();
        foreach (var signal in Signals)
        {
            after[signal.Name].Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store, from), default), signal.Name);
        }
    }

    [Fact]
    public async Task ComputeAsync_ACommittedTicketResolved_RecomputesFromItsCreationOnly()
    {
        // Over four weeks from 19 Oct: search's sprint S9 (Thu 5 – Wed 11 Nov) holds SRC-4, created Tue 3 Nov and
        // committed, and SRC-5, created 20 Oct and done on Mon 9 Nov. The batch resolves SRC-4 on Tue 10 Nov: S9's
        // completion in the week of 9 Nov goes from 1 of 2 to 2 of 2. The series stay the same, so the cache splices
        // the weeks from SRC-4's creation (2 of the 4) and keeps the others.
        await using var store = await OpenAsync();
        var open = new Ticket("jira", "SRC-4", "SRC", "Story", "SRC-4", "In Progress", StatusCategory.InProgress, Monday.AddDays(1), Monday.AddDays(1), null, 2, null, "jira-bob", "jira-bob", null, null, ValueList<string>.Empty);
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Tickets, [open, Ticket("SRC-5", Monday.AddDays(7)) with { CreatedAt = Monday.AddDays(-13) }], default);
            await writer.UpsertAsync(Entities.Sprints, [new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9))], default);
            await writer.UpsertAsync(Entities.SprintChanges, [
                new SprintChange("jira", "SRC-4", "c1", "9", Monday.AddDays(2), SprintChangeKind.Added),
                new SprintChange("jira", "SRC-5", "c2", "9", Monday.AddDays(2), SprintChangeKind.Added)], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var cache = new SignalCache(_time);
        var from = Monday.AddDays(-14);
        await cache.ComputeAllAsync(Signals, Request(store, from), 1, default);

        _time.Advance(TimeSpan.FromHours(1));
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Tickets, [open with { Status = "Done", Category = StatusCategory.Done, UpdatedAt = Monday.AddDays(8), ResolvedAt = Monday.AddDays(8) }], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var after = Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store, from), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);

        var completion = after["commitment.sprint_completion"];
        completion.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        completion.Series.Single(s => s.Labels["measure"] == "tickets").Points.Select(p => p.Value).Should().Equal(null, null, null, 1.0);
        foreach (var signal in Signals)
        {
            after[signal.Name].Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store, from), default), signal.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        await Task.CompletedTask;
    }

    private static readonly ISignal[] Signals = [new SprintCompletion(), new ForecastRatio()];

    private async Task<IStore> OpenAsync() =>
        await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, "store.db")), _time, default);

    // The tickets, the catalogue's commitments through a cache, then the sprint with SRC-1 added to it at `added`.
    private async Task<(Dictionary<string, SignalCacheResult> Before, Dictionary<string, SignalCacheResult> After)> ComputeBeforeAndAfterAsync(
        IStore store, Sprint sprint, DateTimeOffset added)
    {
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Tickets, [Ticket("SRC-1", Monday.AddDays(1)), Ticket("SRC-2", Monday.AddDays(2)), Ticket("SRC-3", Monday.AddDays(8))], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var cache = new SignalCache(_time);
        var before = Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);

        _time.Advance(TimeSpan.FromHours(1));
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Sprints, [sprint], default);
            await writer.UpsertAsync(Entities.SprintChanges, [new SprintChange("jira", "SRC-1", "c1", sprint.SourceId, added, SprintChangeKind.Added)], default);
            await writer.CommitAsync(default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var after = Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);
        return (before, after);
    }

    private static async Task AssertEqualsFullAsync(IStore store, Dictionary<string, SignalCacheResult> results)
    {
        foreach (var signal in Signals)
        {
            results[signal.Name].Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store), default), signal.Name);
        }
    }

    private static SignalRequest Request(IStore store, DateTimeOffset? from = null)
    {
        Team Team(string id, string member) => new(
            id, id, "UTC", ValueList.Of(new TeamMember(member, member, ValueList.Of(new IdentityRef("jira", "jira-" + member)))),
            ValueList<string>.Empty, ValueList<string>.Empty, null);
        return new(store, [Team("payments", "alice"), Team("search", "bob")], new PersonDirectory([]), from ?? Monday, Monday.AddDays(14), Granularity.Week);
    }

    private static Ticket Ticket(string key, DateTimeOffset resolved) =>
        new("jira", key, "SRC", "Story", key, "Done", StatusCategory.Done, Monday.AddDays(-10), resolved, resolved, 2, null, "jira-bob", "jira-bob", null, null, ValueList<string>.Empty);
}
