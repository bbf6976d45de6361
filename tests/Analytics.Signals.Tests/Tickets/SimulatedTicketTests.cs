using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Series;
using Analytics.Signals.Tickets;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.Tickets;

/// <summary>
/// Ticket signals over the demo organisation (seed 42, a year ending 2026-11-02). The simulator's workflow is To Do →
/// In Progress → In Review (→ In Progress → In Review) → Done, worked in office hours only, with nothing finished in the
/// quiet weeks from 22 December to 2 January; tickets are never reopened.
/// </summary>
public sealed class SimulatedTicketTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TicketSignals_SimulatedOrganisation_ArePlausible()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 42 });
        await using var fixture = await SignalFixture.CreateAsync([.. organisation.Tickets, .. organisation.TicketTransitions]);
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var request = new SignalRequest(fixture.Store, organisation.Teams, people, organisation.Options.Start, End, Granularity.Week);

        var throughput = await new TicketThroughput().ComputeAsync(request, default);
        var cycle = await new TicketCycleTime().ComputeAsync(request, default);
        var blocked = await new TicketBlockedTime().ComputeAsync(request, default);
        var inReview = await new TicketBlockedShare(["In Review"]).ComputeAsync(request, default);
        foreach (var series in throughput.Concat(cycle))
        {
            output.WriteLine($"{series.Signal} {series.Labels}: {string.Join(" ", series.Points.Select(p => p.Value is { } v ? (series.Unit == SignalUnit.Seconds ? v / 3600 : v).ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "-"))}");
        }

        foreach (var team in organisation.Teams)
        {
            var members = team.Members.SelectMany(m => m.Accounts).Where(a => a.Source == "jira").Select(a => a.Account).ToHashSet();
            var types = throughput.Where(s => s.Labels["team"] == team.Id).ToList();
            var windows = types[0].Points.Select(p => p.Window).ToList();
            var weekly = windows.Select((_, i) => types.Sum(s => s.Points[i].Value!.Value)).ToList();

            // Every ordinary week each team finishes something: after a four-week warm-up (tickets take days to weeks)
            // and outside the quiet weeks, when nothing is worked on.
            var ordinary = windows.Select((w, i) => (w, i)).Where(x => x.w.Start >= organisation.Options.Start.AddDays(28) && x.w.End <= End && !Quiet(x.w)).ToList();
            ordinary.Should().HaveCountGreaterThan(40);
            ordinary.Should().OnlyContain(x => weekly[x.i] > 0, team.Id);

            // The total is the simulated records' own count: Done tickets assigned to a current member (the leaver is in no
            // team), resolved inside the windows. With no reopening, the history's resolution is the record's.
            var expected = organisation.Tickets.Count(t => t.Category == StatusCategory.Done && t.Assignee is { } a && members.Contains(a)
                && t.ResolvedAt >= windows[0].Start && t.ResolvedAt < windows[^1].End);
            weekly.Sum().Should().Be(expected, team.Id);

            // Every simulated ticket that is resolved was worked on first, so each has a cycle time, and it is positive.
            var cycles = cycle.Single(s => s.Labels["team"] == team.Id).Points;
            cycles.Select(p => (double)p.Observations).Should().Equal(weekly, team.Id);
            cycles.Where(p => p.Observations > 0).Should().OnlyContain(p => p.Value > 0 && p.Low <= p.Value && p.Value <= p.High || p.Observations < 3, team.Id);

            // No simulated status is called Blocked, On hold or Waiting: nothing is blocked. Counting "In Review" as
            // blocked instead, every cycle includes a review wait, so its share is strictly between 0 and 1.
            blocked.Single(s => s.Labels["team"] == team.Id).Points.Should().OnlyContain(p => p.Value == null || p.Value == 0, team.Id);
            inReview.Single(s => s.Labels["team"] == team.Id).Points.Where(p => p.Observations > 0)
                .Should().OnlyContain(p => p.Value > 0 && p.Value < 1, team.Id);
        }
    }

    /// <summary>Whether a window touches the simulator's quiet weeks (22 December to 2 January, WorkCalendar.IsHoliday).</summary>
    private static bool Quiet(TimeWindow window)
    {
        for (var day = window.FirstDay; day < window.EndDay; day = day.AddDays(1))
        {
            if ((day.Month == 12 && day.Day >= 22) || (day.Month == 1 && day.Day <= 2))
            {
                return true;
            }
        }

        return false;
    }
}
