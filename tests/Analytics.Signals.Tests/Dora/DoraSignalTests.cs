using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.Dora;
using Analytics.Signals.Incidents;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests.Dora;

/// <summary>
/// Team "payments" owns acme/api and the service "api"; weeks of 2–8 and 9–15 November 2026 (UTC).
/// PR1 (alice): first commit Sun 1 Nov 12:00, opened Mon 09:00, reviewed by bob 11:00, merged 13:00, deployed by D1 at 15:00.
/// PR2 (bob): no commit known, opened Tue 09:00, never reviewed, merged 10:00, deployed by D2 Wed 10:00.
/// PR3 (bob): opened Thu 09:00, merged 10:00, deployed by D5 at 11:00.
/// D3 is a staging deployment and D4 a failed production one: neither counts.
/// I1 (SEV2) opened Mon 16:00, acknowledged 16:10, resolved 18:00, linked explicitly to D1. I2 (SEV1) opened Thu 12:00,
/// acknowledged 12:05, resolved 13:00, names no deployment: the 24-hour look-back window attributes it to D5 (Thu 11:00,
/// the latest successful production deployment of acme/api before it; D4 failed, D2 is 26 h before).
/// I3 affects "web", a service no team of the request runs.
/// </summary>
public sealed class DoraSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;

    [Fact]
    public async Task DeploymentFrequencyAndChangeFailureRate_CountProductionSuccessesOnly()
    {
        await using var fixture = await CreateAsync();

        var frequency = (await new DeploymentFrequency().ComputeAsync(fixture.TwoWeeks(), default)).Single();
        var failure = (await new ChangeFailureRate().ComputeAsync(fixture.TwoWeeks(), default)).Single();

        // D1, D2, D5 in week 1; none in week 2.
        frequency.Points.Select(p => p.Value).Should().Equal(3, 0);
        // D1 caused I1 (explicit) and D5 caused I2 (window): 2 of 3. Wilson 95% (z = 1.96): centre
        // (2/3 + z²/6) / (1 + z²/3) = 0.57308, half-width z / (1 + z²/3) × √(2/27 + z²/36) = 0.36543 → [0.20766, 0.93851].
        failure.Points[0].Value.Should().BeApproximately(2.0 / 3, 1e-12);
        failure.Points[0].Low.Should().BeApproximately(0.20766, 1e-4);
        failure.Points[0].High.Should().BeApproximately(0.93851, 1e-4);
        failure.Points[1].Value.Should().BeNull();
    }

    [Fact]
    public async Task ChangeFailureRate_WindowShorterThanTheGap_CountsOnlyTheExplicitLink()
    {
        await using var fixture = await CreateAsync();

        var failure = (await new ChangeFailureRate().ComputeAsync(fixture.TwoWeeks() with { AttributionWindow = TimeSpan.FromMinutes(30) }, default)).Single();
        var recovery = (await new RecoveryTime().ComputeAsync(fixture.TwoWeeks() with { AttributionWindow = TimeSpan.FromMinutes(30) }, default)).Single();

        // D5 went live 1 h before I2, outside a 30-minute window: only D1 (linked explicitly, 1 h before I1) failed.
        // 1 of 3; Wilson 95% [0.06149, 0.79234] (the mirror of 2 of 3). Recovery: I1 alone, 3 h.
        failure.Points[0].Value.Should().BeApproximately(1.0 / 3, 1e-12);
        failure.Points[0].Low.Should().BeApproximately(0.06149, 1e-4);
        recovery.Points[0].Value.Should().Be(10_800);
    }

    [Fact]
    public async Task LeadTime_ThreeDeployedChanges_BreaksDownIntoStages()
    {
        await using var fixture = await CreateAsync();

        var series = await new LeadTime().ComputeAsync(fixture.TwoWeeks(), default);
        double? Week1(string stage) => series.Single(s => s.Labels["stage"] == stage).Points[0].Value;

        // Totals: PR1 Sun 12:00 → Mon 15:00 = 27 h (97,200 s); PR2 Tue 09:00 → Wed 10:00 = 25 h (90,000 s);
        // PR3 Thu 09:00 → 11:00 = 2 h (7,200 s). Median of three: 90,000 s.
        Week1("total").Should().Be(90_000);
        // Deploy: 2 h, 24 h, 1 h → median 2 h. Coding only PR1: Sun 12:00 → Mon 09:00 = 21 h. Pickup and review only PR1: 2 h each.
        Week1("deploy").Should().Be(7_200);
        Week1("coding").Should().Be(75_600);
        Week1("pickup").Should().Be(7_200);
        Week1("review").Should().Be(7_200);
        series.Single(s => s.Labels["stage"] == "total").Points[0].Observations.Should().Be(3);
    }

    [Fact]
    public async Task LeadTime_MeanAggregator_AveragesInstead()
    {
        await using var fixture = await CreateAsync();

        var series = await new LeadTime().ComputeAsync(fixture.TwoWeeks() with { Aggregator = Aggregator.Mean }, default);

        // (97,200 + 90,000 + 7,200) / 3 = 64,800 s.
        series.Single(s => s.Labels["stage"] == "total").Points[0].Value.Should().Be(64_800);
    }

    [Fact]
    public async Task RecoveryAndIncidentTimes_MatchTheTimeline()
    {
        await using var fixture = await CreateAsync();

        var recovery = (await new RecoveryTime().ComputeAsync(fixture.TwoWeeks(), default)).Single();
        var count = await new IncidentCount().ComputeAsync(fixture.TwoWeeks(), default);
        var mtta = await new TimeToAcknowledge().ComputeAsync(fixture.TwoWeeks(), default);
        var mttr = await new TimeToResolve().ComputeAsync(fixture.TwoWeeks(), default);

        // I1 resolved Mon 18:00, D1 finished Mon 15:00: 3 h; I2 resolved Thu 13:00, D5 finished Thu 11:00: 2 h.
        // Median of two (type 7 interpolates): 2.5 h = 9,000 s.
        recovery.Points.Select(p => p.Value).Should().Equal(9_000, null);
        // One series per (team, service, severity); I3 ("web") belongs to no team of the request.
        count.Select(s => (s.Labels["severity"], s.Points[0].Value)).Should().Equal(("SEV1", 1), ("SEV2", 1));
        mtta.Select(s => s.Points[0].Value).Should().Equal(300, 600);
        mttr.Select(s => s.Points[0].Value).Should().Equal(3_600, 7_200);
    }

    [Theory]
    [InlineData(0.04, DoraBand.Elite)]
    [InlineData(0.08, DoraBand.High)]
    [InlineData(0.12, DoraBand.Medium)]
    [InlineData(0.30, DoraBand.Low)]
    public void ChangeFailureRateBands_Follow2023Bands(double rate, DoraBand expected)
    {
        // DORA 2023 as encoded by DevLake (signal-science.md §5): 0–5%, 5–10%, 10–15%, > 15%.
        DoraBands.ForChangeFailureRate(rate).Should().Be(expected);
        DoraBands.ReportYear.Should().Be(2023);
    }

    private static Task<SignalFixture> CreateAsync()
    {
        var mon = Mon.AddHours(9);
        return SignalFixture.CreateAsync(
            Pr(1, "alice", mon, mon.AddHours(4)),
            Pr(2, "bob", mon.AddDays(1), mon.AddDays(1).AddHours(1)),
            Pr(3, "bob", mon.AddDays(3), mon.AddDays(3).AddHours(1)),
            new PullRequestCommit("github", "acme/api#1", "c1", "alice", Mon.AddHours(-12)),
            new Domain.Code.Review("github", "r1", "acme/api#1", "bob", ReviewState.Approved, mon.AddHours(2)),
            Deploy("D1", "production", DeploymentStatus.Success, mon.AddHours(6)),
            Deploy("D2", "production", DeploymentStatus.Success, mon.AddDays(2).AddHours(1)),
            Deploy("D3", "staging", DeploymentStatus.Success, mon.AddDays(1).AddHours(2)),
            Deploy("D4", "production", DeploymentStatus.Failure, mon.AddDays(2).AddHours(3)),
            Deploy("D5", "production", DeploymentStatus.Success, mon.AddDays(3).AddHours(2)),
            Incident("I1", "api", "SEV2", mon.AddHours(7), TimeSpan.FromMinutes(10), TimeSpan.FromHours(2), "D1"),
            Incident("I2", "api", "SEV1", mon.AddDays(3).AddHours(3), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), null),
            Incident("I3", "web", "SEV1", mon.AddDays(3).AddHours(3), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), null));
    }

    private static PullRequest Pr(int number, string author, DateTimeOffset created, DateTimeOffset merged) =>
        new("github", $"acme/api#{number}", "acme/api", number, $"PR {number}", PullRequestState.Merged, false, author,
            created, merged, merged, merged, "main", $"f{number}", 10, 2, 1, ValueList<string>.Empty, $"m{number}");

    private static Deployment Deploy(string id, string environment, DeploymentStatus status, DateTimeOffset finished) =>
        new("github", id, "acme/api", environment, status, "sha", "main", finished.AddMinutes(-10), finished, "api");

    private static Incident Incident(string id, string service, string severity, DateTimeOffset created, TimeSpan ack, TimeSpan resolve, string? deployment) =>
        new("pagerduty", id, $"Incident {id}", service, severity, IncidentStatus.Resolved, created, created + ack, created + resolve,
            ValueList<string>.Empty, deployment, null);
}
