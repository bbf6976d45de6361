using Analytics.Signals.Ci;
using Analytics.Signals.Commitments;
using Analytics.Signals.CiCost;
using Analytics.Signals.Delivery;
using Analytics.Signals.Dora;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Incidents;
using Analytics.Signals.Interruptions;
using Analytics.Signals.OnCall;
using Analytics.Signals.Onboarding;
using Analytics.Signals.Ownership;
using Analytics.Signals.Postmortems;
using Analytics.Signals.Review;
using Analytics.Signals.Tickets;
using Analytics.Signals.WorkMix;

namespace Analytics.Signals;

/// <summary>Every signal the product computes; adding a signal is one line here.</summary>
public static class SignalCatalog
{
    /// <summary>All signals, by name.</summary>
    public static IReadOnlyList<ISignal> All { get; } =
    [
        new MergedPullRequests(),
        new PullRequestCycleTime(),
        new CiRunDuration(),
        new ReviewsPerReviewer(),
        new ReviewLoadGini(),
        new TopReviewerShare(),
        new TimeToFirstReview(),
        new ReviewRounds(),
        new MergedWithoutReview(),
        new StalePullRequests(),
        new DeploymentFrequency(),
        new LeadTime(),
        new ChangeFailureRate(),
        new RecoveryTime(),
        new IncidentCount(),
        new TimeToAcknowledge(),
        new TimeToResolve(),
        new TruckFactorSignal(),
        new FlakyTestCount(),
        new FlakyTestScore(),
        new FlakyCiTime(),
        new FlakyDisruptedRuns(),
        new CiQueueDuration(),
        new CiFailureRate(),
        new CiRerunRate(),
        new CiChangePoints(),
        new PullRequestSize(),
        new WorkInProgress(),
        new WorkInProgressPerPerson(),
        new TicketThroughput(),
        new TicketCycleTime(),
        new TicketBlockedTime(),
        new TicketBlockedShare(),
        new OnCallPages(),
        new OnCallPagesOutOfHours(),
        new OnCallLoadGini(),
        new WorkItems(),
        new WorkMixShare(),
        new TrailingQuarterWorkMix(),
        new SprintCompletion(),
        new SprintScopeAdded(),
        new SprintCarryOver(),
        new ForecastRatio(),
        new PostmortemOnTimeShare(),
        new PostmortemsOverdue(),
        new OpenActionItems(),
        new ActionItemAge(),
        new RunnerMinutes(),
        new RunnerCost(),
        new WastedMinutes(),
        new WastedCost(),
        new InterruptionCount(),
        new InterruptionLoad(),
        new OffHoursWork(),
        new WeekendWork(),
        new TimeToFirstMergedPullRequest(),
        new TimeToFirstReviewGiven(),
    ];

    /// <summary>Finds a signal by name; null when unknown.</summary>
    public static ISignal? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
