using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Every catalog signal's footprint: what it reads and how far a row reaches (docs/signals/incremental.md). Kept here,
/// beside the cache, rather than on the signal classes; a test checks that every <see cref="SignalCatalog.All"/> signal
/// has one. When in doubt a declaration reaches further: recomputing a window too many costs time, one too few serves
/// a wrong value.
/// </summary>
public static class SignalFootprints
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    // The flaky-test analysis of a window reads the results of the 14 days before its end (FlakinessOptions.Window),
    // plus a day of slack; the impact signals read the workflow runs from the day before.
    private static readonly TimeSpan FlakyLookBack = TimeSpan.FromDays(15);

    private static readonly Reach FlakyReach = Reach.Bounded(FlakyLookBack, TimeSpan.Zero);

    // The impact reads a day past each window's end (tests.flaky_ci_time.md, "Which verdict blames a failure"); two for slack.
    private static readonly Reach ImpactReach = Reach.Bounded(FlakyLookBack, TimeSpan.FromDays(2));

    // CiRuns reads a week either side of the period and groups a run's attempts: a week of slack each way.
    private static readonly Reach CiRunReach = Reach.Bounded(TimeSpan.FromDays(7), TimeSpan.FromDays(7));

    // A run attempt placed with its run's stored attempts (EntityFootprint.WithRunAttempts) needs no slack before it: the
    // windows its grouping changes are those attempts'.
    private static readonly Reach RunAttemptReach = Reach.Bounded(TimeSpan.FromDays(7), TimeSpan.Zero);

    // The flaky impact and CI waste read the day after a window (a retry the day after its failed attempt); an attempt's
    // run's other attempts are placed with it (WithRunAttempts).
    private static readonly Reach ImpactRunReach = Reach.Bounded(FlakyLookBack, TimeSpan.FromDays(2));

    private static readonly string[] PullRequestCreated = ["created_at"];
    private static readonly string[] IncidentTimes = ["created_at", "acknowledged_at", "resolved_at"];
    private static readonly string[] RunTimes = ["queued_at", "started_at", "finished_at"];
    private static readonly string[] CommitTimes = ["authored_at", "committed_at"];
    private static readonly string[] PullRequestMentions = ["title", "head_ref"];

    /// <summary>The footprint of <paramref name="signal"/> for <paramref name="request"/>; null for a signal without one (never cached).</summary>
    /// <param name="signal">The signal's name.</param>
    /// <param name="request">The request (some reaches follow its options, such as the attribution window).</param>
    public static SignalFootprint? For(string signal, SignalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Create(signal, request) is { } reads
            ? reads with { PerTeam = PerTeam.Contains(signal), SeriesSetOfWholeStore = SeriesSetOfWholeStore.Contains(signal) }
            : null;
    }

    /// <summary>
    /// The signals whose set of series depends on the whole store, not on the windows a change reaches: the sprint
    /// commitments, whose teams have sprint series when any sprint in the store is theirs, in the period or not, and a
    /// forecast otherwise (<see cref="SignalFootprint.SeriesSetOfWholeStore"/>).
    /// </summary>
    public static IReadOnlySet<string> SeriesSetOfWholeStore { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "commitment.sprint_completion", "commitment.scope_added", "commitment.carry_over", "commitment.forecast_ratio",
    };

    /// <summary>The names of the signals that are always recomputed whole when anything they read changed.</summary>
    public static IReadOnlyList<string> RecomputedWhole { get; } =
    [
        "ci.duration_change_points", "ownership.truck_factor",
        "postmortems.on_time_share", "postmortems.overdue", "postmortems.open_actions", "postmortems.action_age",
        "onboarding.time_to_first_merged_pr", "onboarding.time_to_first_review",
    ];

    /// <summary>
    /// The signals whose series each belong to one team and depend only on the records of that team's repositories (and
    /// the services its deployments name) or of the services it runs: the team is the owner of the record's repository
    /// (<see cref="SignalRequest.OwnerOf"/>) or the team running an incident's service (<see cref="SignalRequest.TeamOfService"/>;
    /// the store records an incident moved to another service as its former row deleted), never the team of a person
    /// (<c>TeamMembership</c>), and nothing is compared across teams. <c>dora.recovery_time</c> is not one: a deployment no team owns counts for the team running the incident's
    /// service; nor is <c>dora.change_failure_rate</c>: a deployment taking the blame for an incident can take it from
    /// another team's deployment that names the incident's service. After a batch the signal cache recomputes such a signal only for the teams the changed rows name
    /// (<see cref="TeamAttribution"/>); a team is computed together with every team it shares a repository or service with.
    /// </summary>
    public static IReadOnlySet<string> PerTeam { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "pr.merged", "pr.cycle_time", "pr.size", "pr.wip",
        "review.reviews", "review.load_gini", "review.top_reviewer_share", "review.time_to_first_review", "review.rounds",
        "review.merged_without_review", "review.stale_prs",
        "dora.deployment_frequency", "dora.lead_time",
        "ci.run_duration", "ci.queue_duration", "ci.failure_rate", "ci.rerun_rate", "ci.duration_change_points",
        "ci.runner_minutes", "ci.cost", "ci.wasted_minutes", "ci.wasted_cost",
        "tests.flaky", "tests.flaky_score", "tests.flaky_ci_time", "tests.flaky_disrupted_runs",
        "ownership.truck_factor",
        "incidents.count", "incidents.time_to_acknowledge", "incidents.time_to_resolve",
        "oncall.pages", "oncall.pages_out_of_hours", "oncall.load_gini",
    };

    /// <summary>
    /// Groups of signals that share an expensive load over their request (<see cref="SignalRequest"/>'s shared analyses):
    /// when one of a group is computed whole, the signal cache recomputes the group's incremental signals over the whole
    /// request too, where the load is made anyway, rather than make it again over their span. Kept by hand; a test
    /// observes which loads each signal makes and fails when a signal recomputed whole shares one outside its group
    /// (one is shared apart on purpose: the change points' CI runs, with the CI run signals, whose year of percentiles
    /// costs more than their own read, and with CI cost and waste, which share the flaky-test analysis).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> SharedLoads { get; } =
    [
        // FlakinessTimeline (the flaky-test analysis, with CiUsage's waste classification on it) and CiUsage's job set.
        ["tests.flaky", "tests.flaky_score", "tests.flaky_ci_time", "tests.flaky_disrupted_runs", "ci.wasted_minutes", "ci.wasted_cost",
            "ci.runner_minutes", "ci.cost"],

        // CiRuns: the workflow runs with their repositories. Not the change points, which read the whole year of runs: the
        // run signals' percentiles over every team's year cost more than reading their own weeks of runs again.
        ["ci.run_duration", "ci.queue_duration", "ci.failure_rate", "ci.rerun_rate"],

        // IncidentAttribution: every deployment and incident.
        ["dora.change_failure_rate", "dora.recovery_time"],

        // StoredTickets and TicketData, shared by the ticket flow, the work mix and the sprint commitments.
        ["tickets.throughput", "tickets.cycle_time", "tickets.blocked_time", "tickets.blocked_share", "work.items", "work.mix",
            "work.mix_trailing_quarter", "commitment.sprint_completion", "commitment.scope_added", "commitment.carry_over",
            "commitment.forecast_ratio"],
    ];

    private static SignalFootprint? Create(string signal, SignalRequest request)
    {
        // A deployment can take the blame for an incident up to the attribution window after it goes live.
        var attribution = request.AttributionWindow + Day;
        var owned = request.Teams.SelectMany(t => t.Repositories).ToList();
        return signal switch
        {
            // Merged pull requests count in the window of their merge (MergedByPeople); unmerged ones nowhere.
            "pr.merged" or "pr.cycle_time" or "pr.size" => Of(signal,
                new EntityFootprint(Entities.PullRequests, ["merged_at"], Reach.Within) { UnplacedCountsNowhere = true }),

            // Work in progress is a state from creation to merge or close: every later window.
            // OpenPullRequests reads the stored spellings of the teams' repositories (OwnedRepositories), or every
            // spelling while the repositories table does not describe them all.
            "pr.wip" or "pr.wip_per_person" => Of(signal,
                PullRequestsFromCreation(),
                RepositoriesBy(Entities.PullRequests, PullRequestCreated, Reach.EveryLater(TimeSpan.Zero), owned, anySpelling: true)),

            // ReviewData reads every pull request with its reviews and comments; each value is placed at or after the pull
            // request's creation (first review, merge, review time, staleness at a window's end).
            "review.reviews" or "review.load_gini" or "review.top_reviewer_share" or "review.time_to_first_review"
                or "review.rounds" or "review.merged_without_review" or "review.stale_prs" => Of(signal,
                PullRequestsFromCreation(),
                ByPullRequest(Entities.Reviews),
                ByPullRequest(Entities.ReviewComments),
                RepositoriesBy(Entities.PullRequests, PullRequestCreated, Reach.EveryLater(TimeSpan.Zero), owned, anySpelling: true)),

            "dora.deployment_frequency" => Of(signal,
                new EntityFootprint(Entities.Deployments, ["created_at", "finished_at"], Reach.Bounded(TimeSpan.Zero, Day))),

            // Lead time is placed at the deployment that shipped a merge: every input precedes it. A pull request's
            // commits are placed by their pull request (a commit's own time may even follow the merge).
            "dora.lead_time" => Of(signal,
                new EntityFootprint(Entities.Deployments, ["created_at", "finished_at"], Reach.EveryLater(Day)),
                PullRequestsFromCreation(),
                ByPullRequest(Entities.Reviews),
                ByPullRequest(Entities.PullRequestCommits)),

            // A failure counts in the window of the deployment blamed for it (IncidentAttribution): the one an incident
            // names, wherever it went, placed by that deployment; else the latest that went live within the attribution
            // window before the incident started, placed by the incident's start. A deployment changes its own window and,
            // taking or losing the blame for incidents up to the window after it, those of the deployments up to the
            // window either side of it — of any team (not per team). An incident re-linked to another deployment, or
            // unlinked, is recorded by the store as its former row deleted (EntityMap.MovedBy), which recomputes everything.
            "dora.change_failure_rate" => Of(signal,
                new EntityFootprint(Entities.Deployments, ["created_at", "finished_at"], Reach.Bounded(attribution, attribution)),
                new EntityFootprint(Entities.Incidents, ["created_at"], Reach.Bounded(TimeSpan.Zero, attribution)),
                new EntityFootprint(Entities.Incidents, [], Reach.Bounded(TimeSpan.Zero, Day))
                {
                    Via = new TimeVia("deployment_id", Entities.Deployments, "source_id", ["created_at", "finished_at"]) { Optional = true },
                }),

            // Recovery time is placed at the incident's resolution; its cause is a deployment before it.
            "dora.recovery_time" => Of(signal,
                new EntityFootprint(Entities.Deployments, ["created_at", "finished_at"], Reach.EveryLater(Day)),
                new EntityFootprint(Entities.Incidents, IncidentTimes, Reach.Within)),

            "incidents.count" or "incidents.time_to_acknowledge" or "incidents.time_to_resolve"
                or "oncall.pages" or "oncall.pages_out_of_hours" or "oncall.load_gini" => Of(signal,
                new EntityFootprint(Entities.Incidents, IncidentTimes, Reach.Within)),

            // A repository's default branch decides which of its runs count as mainline: a repository row is placed by
            // its runs (a repository without runs recomputes everything).
            "ci.run_duration" or "ci.queue_duration" or "ci.failure_rate" or "ci.rerun_rate" => Of(signal,
                new EntityFootprint(Entities.WorkflowRuns, RunTimes, RunAttemptReach) { WithRunAttempts = true },
                RepositoriesBy(Entities.WorkflowRuns, RunTimes, CiRunReach, owned, anySpelling: false)),

            // Change points are found over the whole series.
            "ci.duration_change_points" => Whole(signal,
                new EntityFootprint(Entities.WorkflowRuns, RunTimes, Reach.Everything),
                Repositories()),

            // The flaky-test analysis reads the stored spellings of the teams' repositories (OwnedRepositories).
            "tests.flaky" or "tests.flaky_score" => Of(signal,
                new EntityFootprint(Entities.TestResults, ["started_at"], FlakyReach),
                RepositoriesBy(Entities.TestResults, ["started_at"], FlakyReach, owned, anySpelling: false)),

            // The flaky-test impact and CI waste blame a failure by the verdict of its own window (WindowBlame), which
            // looks back like tests.flaky; the impact also reads the day before the first window and after the last (an
            // attempt queued the day before a window, with its retry in it). A run's attempts are grouped within
            // CiRuns.Margin, and a later attempt's job makes an earlier one a re-run: an attempt or job is placed with its
            // run's attempts.
            "tests.flaky_ci_time" or "tests.flaky_disrupted_runs" => Of(signal,
                new EntityFootprint(Entities.TestResults, ["started_at"], ImpactReach),
                new EntityFootprint(Entities.WorkflowRuns, RunTimes, ImpactRunReach) { WithRunAttempts = true },
                RepositoriesBy(Entities.TestResults, ["started_at"], ImpactReach, owned, anySpelling: false)),
            "ci.wasted_minutes" or "ci.wasted_cost" => Of(signal,
                new EntityFootprint(Entities.TestResults, ["started_at"], ImpactReach),
                new EntityFootprint(Entities.WorkflowRuns, RunTimes, ImpactRunReach) { WithRunAttempts = true },
                new EntityFootprint(Entities.CiJobs, RunTimes, ImpactRunReach) { WithRunAttempts = true },
                RepositoriesBy(Entities.TestResults, ["started_at"], ImpactReach, owned, anySpelling: false),
                RepositoriesBy(Entities.WorkflowRuns, RunTimes, CiRunReach, owned, anySpelling: false),
                RepositoriesBy(Entities.CiJobs, RunTimes, Reach.Bounded(TimeSpan.FromDays(2), Day), owned, anySpelling: false)),

            // Jobs count at their start, read from the day before a window; their workflow comes from their run (CiRuns,
            // which also decides which repositories are read).
            "ci.runner_minutes" or "ci.cost" => Of(signal,
                new EntityFootprint(Entities.WorkflowRuns, RunTimes, Reach.Bounded(TimeSpan.FromDays(2), Day)),
                new EntityFootprint(Entities.CiJobs, RunTimes, Reach.Bounded(TimeSpan.FromDays(2), Day)),
                RepositoriesBy(Entities.WorkflowRuns, RunTimes, CiRunReach, owned, anySpelling: false),
                RepositoriesBy(Entities.CiJobs, RunTimes, Reach.Bounded(TimeSpan.FromDays(2), Day), owned, anySpelling: false)),

            // A ticket's values are placed at its resolution (cycle and blocked time, throughput), which its transitions
            // tell, or its record when it has none.
            "tickets.throughput" or "tickets.cycle_time" or "tickets.blocked_time" or "tickets.blocked_share" => Of(signal,
                TicketsFromCreation(),
                TransitionsByTicket()),

            // Resolved tickets count at their resolution, merged pull requests at their merge (the trailing quarter's
            // three months later too), and a pull request's work type comes from the ticket it names, created before or
            // after it: a ticket is also placed by the pull requests whose title or branch mentions it.
            "work.items" or "work.mix" or "work.mix_trailing_quarter" => Of(signal,
                PullRequestsFromCreation(),
                TicketsFromCreation(),
                new EntityFootprint(Entities.Tickets, [], Reach.EveryLater(TimeSpan.Zero))
                {
                    MentionedBy = new Mentions("key", Entities.PullRequests, PullRequestMentions, PullRequestCreated),
                },
                TransitionsByTicket()),

            // Interruptions count at the incident's or ticket's creation.
            "interruptions.count" or "interruptions.load" => Of(signal,
                new EntityFootprint(Entities.Incidents, ["created_at"], Reach.Within),
                new EntityFootprint(Entities.Tickets, ["created_at"], Reach.Within)),

            "offhours.share" or "offhours.weekend_share" => Of(signal,
                new EntityFootprint(Entities.Commits, ["authored_at"], Reach.Within),
                new EntityFootprint(Entities.Incidents, ["created_at"], Reach.Within)),

            // A joiner's first appearance and first merge can be far apart, and a joiner is one only within the period.
            "onboarding.time_to_first_merged_pr" or "onboarding.time_to_first_review" => Whole(signal,
                new EntityFootprint(Entities.Commits, CommitTimes, Reach.Everything),
                new EntityFootprint(Entities.PullRequests, PullRequestCreated, Reach.Everything),
                new EntityFootprint(Entities.Reviews, ["submitted_at"], Reach.Everything)),

            // The truck factor is one point, as of the period's end, over the whole history: recomputed whole.
            "ownership.truck_factor" => Whole(signal,
                new EntityFootprint(Entities.Commits, CommitTimes, Reach.Everything),
                new EntityFootprint(Entities.FileChanges, [], Reach.Everything)),

            // A sprint counts in the window of its end, from the tickets in it at some moment from its start to its end
            // (each created before that end): a sprint is placed from its start, a ticket from its creation (its
            // resolution, points and team), a membership change by its sprint, whenever it happened (a change for a
            // ticket replaces the ticket's membership from its creation). A sprint row without a start recomputes
            // everything (its start may have been cleared); a membership change of a sprint not started counts nowhere. The
            // forecast compares a window with the four before it: later windows only. Whether a team has sprints at all
            // (no forecast then) depends on every sprint in the store, in the period or not (SeriesSetOfWholeStore).
            "commitment.sprint_completion" or "commitment.scope_added" or "commitment.carry_over" or "commitment.forecast_ratio" => Of(signal,
                new EntityFootprint(Entities.Sprints, ["start_at"], Reach.EveryLater(TimeSpan.Zero)),
                new EntityFootprint(Entities.SprintChanges, [], Reach.EveryLater(TimeSpan.Zero))
                {
                    Via = new TimeVia("sprint_id", Entities.Sprints, "source_id", ["start_at"]),
                    UnplacedCountsNowhere = true,
                },
                TicketsFromCreation(),
                TransitionsByTicket()),

            // Deadlines in business days after resolution and open action items at each window's end.
            "postmortems.on_time_share" or "postmortems.overdue" or "postmortems.open_actions" or "postmortems.action_age" => Whole(signal,
                new EntityFootprint(Entities.Incidents, IncidentTimes, Reach.Everything),
                new EntityFootprint(Entities.Tickets, ["created_at"], Reach.Everything),
                new EntityFootprint(Entities.TicketTransitions, ["at"], Reach.Everything)),

            _ => null,
        };
    }

    private static SignalFootprint Of(string signal, params EntityFootprint[] reads) => new(signal, reads);

    private static SignalFootprint Whole(string signal, params EntityFootprint[] reads) => new(signal, reads, RecomputedWhole: true);

    private static EntityFootprint PullRequestsFromCreation() =>
        new(Entities.PullRequests, PullRequestCreated, Reach.EveryLater(TimeSpan.Zero));

    private static EntityFootprint ByPullRequest(EntityMap entity) =>
        new(entity, [], Reach.EveryLater(TimeSpan.Zero))
        {
            Via = new TimeVia("pull_request_id", Entities.PullRequests, "source_id", PullRequestCreated),
        };

    // A ticket with transitions counts where they put its resolution (its status then matters nowhere); one without, at
    // or after its creation.
    private static EntityFootprint TicketsFromCreation() =>
        new(Entities.Tickets, ["created_at"], Reach.EveryLater(TimeSpan.Zero)) { PlacedByTicketHistory = true };

    // A ticket's values count at its resolution or later: a changed transition reaches from the earliest instant the
    // ticket's resolution can lie at, before the batch or after it (TicketResolutionBounds), or from its creation.
    private static EntityFootprint TransitionsByTicket() =>
        new(Entities.TicketTransitions, [], Reach.EveryLater(TimeSpan.Zero))
        {
            Via = new TimeVia("ticket_key", Entities.Tickets, "key", ["created_at"]),
            PlacedByTicketHistory = true,
        };

    // Which team owns a repository decides where its runs count; the rows carry no time.
    private static EntityFootprint Repositories() => new(Entities.Repositories, [], Reach.Everything);

    // A repository row (its stored spelling, its default branch) changes what is read of its records in `entity`: it is
    // placed by those records, under every spelling of its name the signal can read (TimeVia.Repositories).
    private static EntityFootprint RepositoriesBy(EntityMap entity, IReadOnlyList<string> times, Reach reach, IReadOnlyList<string> owned, bool anySpelling) =>
        new(Entities.Repositories, [], reach)
        {
            Via = new TimeVia("full_name", entity, "repository", times) { Repositories = owned, AnySpelling = anySpelling },
        };
}
