using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Commitments;
using Analytics.Signals.Delivery;
using Analytics.Signals.Dora;
using Analytics.Signals.Interruptions;
using Analytics.Signals.Postmortems;
using Analytics.Signals.Review;
using Analytics.Signals.Tests.Ci;
using Analytics.Signals.Tickets;
using Analytics.Signals.WorkMix;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests;

/// <summary>
/// Signals computed together over one request (a report, a rule evaluation, the whole catalogue) read what they share
/// once (<see cref="SignalRequest.OncePerRequestAsync"/>); another request reads again.
/// </summary>
public sealed class SharedReadsTests
{
    [Fact]
    public async Task TicketAndSprintSignals_SameRequest_ReadTheTicketsOnce()
    {
        // Alice's ticket, resolved in the first week, with its history: something to trace.
        var created = SignalFixture.Monday.AddDays(-3);
        await using var fixture = await SignalFixture.CreateAsync(
            new Ticket("jira", "PAY-1", "PAY", "Story", "Retry payouts", "Done", StatusCategory.Done, created, created.AddDays(5), created.AddDays(5),
                3, null, "jira-alice", "jira-alice", null, null, ValueList<string>.Empty),
            new TicketTransition("jira", "PAY-1", "1", created.AddDays(1), "To Do", "In Progress", StatusCategory.ToDo, StatusCategory.InProgress, null),
            new TicketTransition("jira", "PAY-1", "2", created.AddDays(5), "In Progress", "Done", StatusCategory.InProgress, StatusCategory.Done, null));
        var store = new CountingStore(fixture.Store);
        var alice = new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("jira", "jira-alice")));
        var request = fixture.TwoWeeks() with { Store = store, Teams = [fixture.Team with { Members = ValueList.Of(alice) }] };

        (await new TicketCycleTime().ComputeAsync(request, default)).Single().Points[0].Observations.Should().Be(1);
        var transitionReads = store.ReadsOf(Entities.TicketTransitions.Table);
        foreach (var signal in new ISignal[] { new TicketThroughput(), new TicketBlockedTime(), new SprintCompletion(), new ForecastRatio() })
        {
            await signal.ComputeAsync(request, default);
        }

        // Five signals, one set of blocked statuses (the default): one read of tickets, one load of their transitions.
        store.ReadsOf(Entities.Tickets.Table).Should().Be(1);
        transitionReads.Should().BePositive();
        store.ReadsOf(Entities.TicketTransitions.Table).Should().Be(transitionReads);
        store.ReadsOf(Entities.Sprints.Table).Should().Be(1, "completion and the forecast ratio share the sprint outcomes");

        // A request for another period is another request: it reads again.
        await new TicketCycleTime().ComputeAsync(request with { To = request.To.AddDays(7) }, default);
        store.ReadsOf(Entities.Tickets.Table).Should().Be(2);
    }

    [Fact]
    public async Task ReviewAndWorkInProgressSignals_SameRequest_ReadThePullRequestsOncePerLoad()
    {
        await using var fixture = await SignalFixture.CreateAsync();
        var store = new CountingStore(fixture.Store);
        var request = fixture.TwoWeeks() with { Store = store };

        foreach (var signal in new ISignal[]
        {
            new ReviewsPerReviewer(), new ReviewLoadGini(), new TopReviewerShare(), new TimeToFirstReview(), new ReviewRounds(),
            new MergedWithoutReview(), new StalePullRequests(), new WorkInProgress(), new WorkInProgressPerPerson(),
        })
        {
            await signal.ComputeAsync(request, default);
        }

        // Seven review signals share one load, the two work-in-progress signals another; each load reads the pull
        // requests of the period twice (those closed since the period's start, those still open) at most.
        var perLoad = store.ReadsOf(Entities.PullRequests.Table);
        store.ReadsOf(Entities.Reviews.Table).Should().BeLessThanOrEqualTo(1);
        perLoad.Should().BeLessThanOrEqualTo(4, "two loads, not nine");
    }

    [Fact]
    public async Task MergedPullRequestSignals_SameRequest_ReadThePullRequestsOnce()
    {
        await using var fixture = await SignalFixture.CreateAsync();
        var store = new CountingStore(fixture.Store);
        var request = fixture.TwoWeeks() with { Store = store };

        foreach (var signal in new ISignal[] { new MergedPullRequests(), new PullRequestCycleTime(), new PullRequestSize() })
        {
            await signal.ComputeAsync(request, default);
        }

        // Alone each reads the period's merged pull requests; together they share one read. Another request reads again.
        store.ReadsOf(Entities.PullRequests.Table).Should().Be(1);
        await new PullRequestSize().ComputeAsync(request with { To = request.To.AddDays(7) }, default);
        store.ReadsOf(Entities.PullRequests.Table).Should().Be(2);
    }

    [Fact]
    public async Task PostmortemInterruptionAndWorkMixSignals_SameRequest_ReadOncePerFamily()
    {
        await using var fixture = await SignalFixture.CreateAsync();
        var store = new CountingStore(fixture.Store);
        var request = fixture.TwoWeeks() with { Store = store };

        foreach (var signal in new ISignal[]
        {
            new PostmortemOnTimeShare(), new PostmortemsOverdue(), new OpenActionItems(), new ActionItemAge(),
            new InterruptionCount(), new InterruptionLoad(), new WorkItems(), new WorkMixShare(), new TrailingQuarterWorkMix(),
        })
        {
            await signal.ComputeAsync(request, default);
        }

        // One load per family: postmortems read incidents and tickets once; interruptions read incidents once (the pages
        // and the team incidents share StoredIncidents) and tickets once; the work mix reads tickets once. Nine signals
        // alone would read incidents 4 + 2 × 2 = 8 times and tickets 4 + 2 + 3 = 9 times.
        store.ReadsOf(Entities.Incidents.Table).Should().Be(2);
        store.ReadsOf(Entities.Tickets.Table).Should().Be(3);
    }

    [Fact]
    public async Task DoraSignals_SameRequest_ReadTheDeploymentsOncePerUse()
    {
        await using var fixture = await SignalFixture.CreateAsync();
        var store = new CountingStore(fixture.Store);
        var request = fixture.TwoWeeks() with { Store = store };

        foreach (var signal in new ISignal[] { new DeploymentFrequency(), new ChangeFailureRate(), new RecoveryTime() })
        {
            await signal.ComputeAsync(request, default);
        }

        // Separately they would read deployments three times (each its period's deployments; the attribution reads more
        // only for incidents whose windows or links reach outside the period, and this fixture has none). Together: once.
        store.ReadsOf(Entities.Deployments.Table).Should().Be(1);
    }
}
