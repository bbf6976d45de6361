using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.CiCost;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Ci;

/// <summary>
/// What the CI signals read: only the request's teams' repositories, the whole of every window (a monthly or quarterly
/// window begins before the request's start), a week either side for re-runs, and once per request.
/// </summary>
public sealed class CiReadBoundsTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    private static readonly Team Web = new("web", "Web", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/web"), ValueList.Of("web"), null);

    [Fact]
    public async Task RunDuration_RunsOfAnotherTeamsRepository_AreNotCounted()
    {
        // Six runs of 300 s in acme/api (payments) and six of 900 s in acme/web (team web, not asked for): the payments
        // p50 is 300 s over 6 runs; nothing of acme/web appears.
        var runs = Enumerable.Range(0, 6).Select(i => Run("acme/api", $"a{i}", 1, Monday.AddHours(i), RunConclusion.Success, seconds: 300))
            .Concat(Enumerable.Range(0, 6).Select(i => Run("acme/web", $"w{i}", 1, Monday.AddHours(i), RunConclusion.Success, seconds: 900)))
            .ToArray<object>();
        await using var fixture = await SignalFixture.CreateAsync(runs);

        var series = await new CiRunDuration().ComputeAsync(fixture.TwoWeeks(), default);

        series.Select(s => s.Labels["repository"]).Distinct().Should().Equal("acme/api");
        series.Single(s => s.Labels["quantile"] == "0.5").Points[0].Value.Should().Be(300);
        series[0].Points[0].Observations.Should().Be(6);
    }

    [Fact]
    public async Task RunDuration_TwoTeams_EachRepositoryCountsForItsOwner()
    {
        var runs = Enumerable.Range(0, 5).Select(i => Run("acme/api", $"a{i}", 1, Monday.AddHours(i), RunConclusion.Success, seconds: 300))
            .Concat(Enumerable.Range(0, 5).Select(i => Run("acme/web", $"w{i}", 1, Monday.AddHours(i), RunConclusion.Success, seconds: 900)))
            .ToArray<object>();
        await using var fixture = await SignalFixture.CreateAsync(runs);

        var series = await new CiRunDuration().ComputeAsync(fixture.TwoWeeks() with { Teams = [fixture.Team, Web] }, default);

        series.Where(s => s.Labels["quantile"] == "0.5")
            .Select(s => (s.Labels["team"], s.Labels["repository"], s.Points[0].Value))
            .Should().Equal(("payments", "acme/api", 300.0), ("web", "acme/web", 900.0));
    }

    [Fact]
    public async Task FailureRate_TeamNamesTheRepositoryInAnotherCase_CountsItsRuns()
    {
        // The team says Acme/API, the store says acme/api (its repository record and its runs): one failure of two.
        var team = new Team("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("Acme/API"), ValueList<string>.Empty, null);
        await using var fixture = await SignalFixture.CreateAsync(
            new Repository("github", "R_api", "acme/api", "main", null, false, null),
            Run("acme/api", "1", 1, Monday.AddHours(1), RunConclusion.Failure),
            Run("acme/api", "2", 1, Monday.AddHours(2), RunConclusion.Success));

        var series = await new CiFailureRate().ComputeAsync(fixture.TwoWeeks() with { Teams = [team] }, default);

        series.Should().ContainSingle().Which.Points[0].Value.Should().Be(0.5);
    }

    [Fact]
    public async Task FailureRate_MonthlyWindowsFromMidMonth_FirstWindowIsWhole()
    {
        // The request starts on 20 November, so its first window is all of November: the failure on the 2nd counts with
        // the success on the 25th → 1 / 2 = 0.5 (reading from a week before the 20th gave 0 / 1).
        await using var fixture = await SignalFixture.CreateAsync(
            Run("acme/api", "1", 1, Monday.AddHours(1), RunConclusion.Failure),
            Run("acme/api", "2", 1, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), RunConclusion.Success));
        var request = fixture.TwoWeeks() with
        {
            From = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero),
            Granularity = Granularity.Month,
        };

        var series = await new CiFailureRate().ComputeAsync(request, default);

        var point = series.Should().ContainSingle().Which.Points.Should().ContainSingle().Which;
        point.Window.FirstDay.Should().Be(new DateOnly(2026, 11, 1));
        point.Value.Should().Be(0.5);
        point.Observations.Should().Be(2);
    }

    [Fact]
    public async Task RerunRate_MonthlyWindow_RunsAreWholeAcrossItsEdges()
    {
        // November, asked for from the 20th. Run r0 was first attempted on 28 October and re-run on 3 November: it is an
        // October run, not a November one. Run r1 (5 November) was never re-run. Run r2 (29 November) was re-run on
        // 3 December, after the window: it counts as re-run. November: r1 and r2, one re-run → 1 / 2 = 0.5.
        await using var fixture = await SignalFixture.CreateAsync(
            Run("acme/api", "r0", 1, new DateTimeOffset(2026, 10, 28, 9, 0, 0, TimeSpan.Zero), RunConclusion.Failure),
            Run("acme/api", "r0", 2, new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), RunConclusion.Success),
            Run("acme/api", "r1", 1, new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero), RunConclusion.Success),
            Run("acme/api", "r2", 1, new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), RunConclusion.Failure),
            Run("acme/api", "r2", 2, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), RunConclusion.Success));
        var request = fixture.TwoWeeks() with
        {
            From = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero),
            Granularity = Granularity.Month,
        };

        var series = await new CiRerunRate().ComputeAsync(request, default);

        var point = series.Should().ContainSingle().Which.Points.Should().ContainSingle().Which;
        point.Value.Should().Be(0.5);
        point.Observations.Should().Be(2);
    }

    [Fact]
    public async Task RunnerMinutes_QuarterlyWindowAndAnotherTeamsJobs_CountsTheTeamsWholeQuarter()
    {
        // Quarter Q4 2026 asked for from 2 November: the 10-minute job of 5 October counts with the 3-minute job of
        // 2 November (13 minutes); acme/web's 100-minute job belongs to another team.
        var october = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        await using var fixture = await SignalFixture.CreateAsync(
            Run("acme/api", "1", 1, october, RunConclusion.Success),
            Run("acme/api", "2", 1, Monday.AddHours(1), RunConclusion.Success),
            Run("acme/web", "3", 1, Monday.AddHours(1), RunConclusion.Success),
            Job("acme/api", "1", "j1", october.AddMinutes(1), 600),
            Job("acme/api", "2", "j2", Monday.AddHours(1).AddMinutes(1), 180),
            Job("acme/web", "3", "j3", Monday.AddHours(1).AddMinutes(1), 6000));
        var request = fixture.TwoWeeks() with { Granularity = Granularity.Quarter };

        var series = await new RunnerMinutes().ComputeAsync(request, default);

        var only = series.Should().ContainSingle().Which;
        only.Labels["repository"].Should().Be("acme/api");
        only.Points.Should().ContainSingle().Which.Value.Should().Be(13);
    }

    [Fact]
    public async Task CiSignals_SameRequest_ReadTheRunsOnce()
    {
        await using var fixture = await SignalFixture.CreateAsync(
            Run("acme/api", "1", 1, Monday.AddHours(1), RunConclusion.Failure),
            Job("acme/api", "1", "j1", Monday.AddHours(1).AddMinutes(1), 60));
        var store = new CountingStore(fixture.Store);
        var request = fixture.TwoWeeks() with { Store = store };

        foreach (var signal in new ISignal[] { new CiRunDuration(), new CiQueueDuration(), new CiFailureRate(), new CiRerunRate(), new CiChangePoints(), new RunnerMinutes(), new RunnerCost() })
        {
            await signal.ComputeAsync(request, default);
        }

        store.ReadsOf(Entities.WorkflowRuns.Table).Should().Be(1);
        store.ReadsOf(Entities.Repositories.Table).Should().Be(1);
    }

    [Fact]
    public async Task FailureRate_NewRequestAfterAWrite_SeesTheNewRun()
    {
        // The shared read lives with its request: a request made after a write reads again. Before: 1 failure of 1;
        // after adding a success: 1 / 2.
        await using var fixture = await SignalFixture.CreateAsync(Run("acme/api", "1", 1, Monday.AddHours(1), RunConclusion.Failure));
        var before = await new CiFailureRate().ComputeAsync(fixture.TwoWeeks(), default);
        await using (var writer = await fixture.Store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.WorkflowRuns, [Run("acme/api", "2", 1, Monday.AddHours(2), RunConclusion.Success)], default);
            await writer.CommitAsync(default);
        }

        var after = await new CiFailureRate().ComputeAsync(fixture.TwoWeeks(), default);

        before.Single().Points[0].Value.Should().Be(1.0);
        after.Single().Points[0].Value.Should().Be(0.5);
    }

    private static WorkflowRun Run(string repository, string id, int attempt, DateTimeOffset queued, RunConclusion conclusion, int seconds = 300) =>
        new("github", repository, id, attempt, "ci", "push", "main", "abc", RunStatus.Completed, conclusion, queued, queued.AddSeconds(5),
            queued.AddSeconds(5 + seconds), null);

    private static CiJob Job(string repository, string run, string id, DateTimeOffset started, double seconds) =>
        new("github", repository, run, 1, id, "test", RunStatus.Completed, RunConclusion.Success, started, started, started.AddSeconds(seconds), "runner",
            ValueList.Of("ubuntu-latest"));
}
