using Analytics.Domain.Ci;
using Analytics.Signals.Ci;

namespace Analytics.Signals.Tests;

public sealed class CiSignalTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task RunDuration_SixRunsInAWeek_GivesInterpolatedP50AndP90()
    {
        // Week 1 durations 60, 120, 180, 240, 300, 600 s (plus a cancelled 5,000 s run, left out).
        // p50: h = 5 × 0.5 + 1 = 3.5 → 180 + 0.5 × 60 = 210 s. p90: h = 5 × 0.9 + 1 = 5.5 → 300 + 0.5 × 300 = 450 s.
        // Week 2 has four runs, fewer than the minimum of five: no value.
        var runs = new[] { 60, 120, 180, 240, 300, 600 }.Select((seconds, i) => Run($"w1-{i}", Monday.AddHours(10 + i), seconds))
            .Append(Run("cancelled", Monday.AddHours(20), 5_000, RunConclusion.Cancelled))
            .Concat(Enumerable.Range(0, 4).Select(i => Run($"w2-{i}", Monday.AddDays(8).AddHours(i), 100)))
            .ToArray<object>();
        await using var fixture = await SignalFixture.CreateAsync(runs);

        var series = await new CiRunDuration().ComputeAsync(fixture.TwoWeeks(), default);

        series.Should().HaveCount(2);
        var p50 = series.Single(s => s.Labels["quantile"] == "0.5");
        var p90 = series.Single(s => s.Labels["quantile"] == "0.9");
        p50.Labels["workflow"].Should().Be("ci");
        p50.Points.Select(p => p.Value).Should().Equal(210, null);
        p90.Points.Select(p => p.Value).Should().Equal(450, null);
        p90.Points.Select(p => p.Observations).Should().Equal(6, 4);
    }

    private static WorkflowRun Run(string id, DateTimeOffset queued, int seconds, RunConclusion conclusion = RunConclusion.Success) =>
        new("github", "acme/api", id, 1, "ci", "push", "main", "abc", RunStatus.Completed, conclusion,
            queued, queued.AddSeconds(5), queued.AddSeconds(5 + seconds), null);
}
