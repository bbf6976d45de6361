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

    /// <summary>
    /// The signals whose loads take longest over a large organisation, longest first (bench/README.md, session 15: the
    /// CPU each took over the org-year, computed one at a time: the flaky-test analysis 7.4 s, the CI jobs 3.1 s, the CI
    /// runs 2.3 s, lead time 2.0 s, the tickets 1.7 s, the truck factor 1.4 s, the reviews 1.3 s, the work items 0.7 s,
    /// the merged pull requests 0.6 s; every other signal well under that, or sharing one of these loads). A batch starts
    /// them before the rest (<see cref="StartOrder"/>), so that the short ones fill the cores at the end rather than a long
    /// one finishing alone: longest processing time first (Graham, "Bounds on multiprocessing timing anomalies", SIAM J.
    /// Appl. Math. 17(2), 1969). Every signal over the org-year on SQLite, 2 cores: 13.5–14.8 s in catalogue order,
    /// 12.5–13.1 s this way, for the same CPU (on PostgreSQL, whose server shares the cores, no different).
    /// </summary>
    public static IReadOnlyList<string> StartFirst => LongestFirst;

    private static readonly string[] LongestFirst =
    [
        "tests.flaky", "ci.runner_minutes", "ci.run_duration", "dora.lead_time", "tickets.throughput",
        "ownership.truck_factor", "review.reviews", "work.items", "pr.merged",
    ];

    /// <summary>
    /// The order in which to start <paramref name="signals"/> (indexes into it): those named in <see cref="StartFirst"/>
    /// first, in its order, then the others in theirs.
    /// </summary>
    public static int[] StartOrder(IReadOnlyList<ISignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return [.. Enumerable.Range(0, signals.Count).OrderBy(i => StartRank(signals[i].Name))];
    }

    /// <summary>A signal's place in <see cref="StartFirst"/>, or after all of them.</summary>
    internal static int StartRank(string name) => Array.IndexOf(LongestFirst, name) is var rank and >= 0 ? rank : LongestFirst.Length;

    /// <summary>Finds a signal by name; null when unknown.</summary>
    public static ISignal? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
