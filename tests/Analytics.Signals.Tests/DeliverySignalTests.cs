using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;

namespace Analytics.Signals.Tests;

public sealed class DeliverySignalTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task MergedAndCycleTime_TwoWeeks_CountPeoplesMergesAndTakeTheirMedian()
    {
        // Week 1 (2–8 Nov): people's PRs open for 2 h, 4 h and 10 h; a bot's PR (1 h) and a PR of a repository no team
        // owns are left out; an open PR counts nowhere. Week 2 (9–15 Nov): one PR open for 30 h, opened in week 1.
        // pr.merged: 3, 1. pr.cycle_time: median(2, 4, 10) h = 4 h = 14,400 s; 30 h = 108,000 s.
        await using var fixture = await SignalFixture.CreateAsync(
            Merged(1, "alice", Monday.AddHours(9), TimeSpan.FromHours(2)),
            Merged(2, "bob", Monday.AddDays(1).AddHours(9), TimeSpan.FromHours(4)),
            Merged(3, "alice", Monday.AddDays(2).AddHours(9), TimeSpan.FromHours(10)),
            Merged(4, "renovate[bot]", Monday.AddDays(2).AddHours(9), TimeSpan.FromHours(1)),
            Merged(5, "alice", Monday.AddDays(3), TimeSpan.FromHours(1)) with { Repository = "acme/unowned", SourceId = "acme/unowned#5" },
            Merged(6, "bob", Monday.AddDays(6).AddHours(12), TimeSpan.FromHours(30)),
            Merged(7, "bob", Monday.AddDays(1), TimeSpan.FromHours(1)) with { State = PullRequestState.Open, MergedAt = null, ClosedAt = null });
        var request = fixture.TwoWeeks(new Identity("github", "renovate[bot]", null, null, true, null));

        var merged = (await new MergedPullRequests().ComputeAsync(request, default)).Single();
        var cycle = (await new PullRequestCycleTime().ComputeAsync(request, default)).Single();

        merged.Labels["team"].Should().Be("payments");
        merged.Points.Select(p => p.Value).Should().Equal(3, 1);
        cycle.Points.Select(p => p.Value).Should().Equal(14_400, 108_000);
        cycle.Points.Select(p => p.Observations).Should().Equal(3, 1);
    }

    [Fact]
    public async Task CycleTime_WeekWithoutMerges_HasNoValueButCountsZeroMerges()
    {
        await using var fixture = await SignalFixture.CreateAsync(Merged(1, "alice", Monday.AddHours(9), TimeSpan.FromHours(2)));

        var cycle = (await new PullRequestCycleTime().ComputeAsync(fixture.TwoWeeks(), default)).Single();
        var merged = (await new MergedPullRequests().ComputeAsync(fixture.TwoWeeks(), default)).Single();

        cycle.Points[1].Value.Should().BeNull();
        merged.Points[1].Value.Should().Be(0);
    }

    private static PullRequest Merged(int number, string author, DateTimeOffset created, TimeSpan open) =>
        new("github", $"acme/api#{number}", "acme/api", number, $"PR {number}", PullRequestState.Merged, false, author,
            created, created + open, created + open, created + open, "main", $"f{number}", 10, 2, 1, ValueList<string>.Empty, null);
}
