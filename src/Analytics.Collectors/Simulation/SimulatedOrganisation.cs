using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Testing;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// Everything a simulated engineering organisation produced, as domain records, plus the facts planted in it. Every list is
/// a <see cref="ValueList{T}"/>, so two organisations compare by value: equal options give equal organisations.
/// Every instant lies within [<see cref="SimulationOptions.Start"/>, <see cref="SimulationOptions.End"/>], except
/// <see cref="Repository.CreatedAt"/>: the repositories existed before the history starts.
/// </summary>
public sealed record SimulatedOrganisation
{
    /// <summary>The options it was generated from.</summary>
    public required SimulationOptions Options { get; init; }

    /// <summary>The teams, as a teams configuration would declare them (people who left are not members).</summary>
    public required ValueList<Team> Teams { get; init; }

    /// <summary>Every account in every source: <c>github</c> logins, <c>git</c> e-mails, <c>jira</c> and <c>pagerduty</c> ids.</summary>
    public required ValueList<Identity> Identities { get; init; }

    /// <summary>The repositories (source <c>github</c>).</summary>
    public required ValueList<Repository> Repositories { get; init; }

    /// <summary>Pull requests (source <c>github</c>), ordered by creation.</summary>
    public required ValueList<PullRequest> PullRequests { get; init; }

    /// <summary>Reviews (source <c>github</c>).</summary>
    public required ValueList<Review> Reviews { get; init; }

    /// <summary>Review comments (source <c>github</c>).</summary>
    public required ValueList<ReviewComment> ReviewComments { get; init; }

    /// <summary>Commits of pull requests (source <c>github</c>); their hashes are branch commits, not in <see cref="Commits"/>.</summary>
    public required ValueList<PullRequestCommit> PullRequestCommits { get; init; }

    /// <summary>The mainline history (source <c>git</c>): one squash commit per merged pull request.</summary>
    public required ValueList<Commit> Commits { get; init; }

    /// <summary>Files changed by <see cref="Commits"/> (source <c>git</c>).</summary>
    public required ValueList<FileChange> FileChanges { get; init; }

    /// <summary>Workflow-run attempts (source <c>github</c>): <c>ci</c> on pull requests and main, <c>deploy</c> and <c>release</c> on main.</summary>
    public required ValueList<WorkflowRun> WorkflowRuns { get; init; }

    /// <summary>Jobs of the workflow-run attempts.</summary>
    public required ValueList<CiJob> CiJobs { get; init; }

    /// <summary>Steps of the jobs.</summary>
    public required ValueList<CiStep> CiSteps { get; init; }

    /// <summary>The tests of every repository.</summary>
    public required ValueList<TestCase> TestCases { get; init; }

    /// <summary>Test executions in <c>ci</c> test jobs, retries included.</summary>
    public required ValueList<TestResult> TestResults { get; init; }

    /// <summary>Deployments to <c>staging</c> and <c>production</c> (source <c>github</c>).</summary>
    public required ValueList<Deployment> Deployments { get; init; }

    /// <summary>Tickets (source <c>jira</c>).</summary>
    public required ValueList<Ticket> Tickets { get; init; }

    /// <summary>Every status change of the tickets, the creation included (source <c>jira</c>).</summary>
    public required ValueList<TicketTransition> TicketTransitions { get; init; }

    /// <summary>Incidents (source <c>pagerduty</c>).</summary>
    public required ValueList<Incident> Incidents { get; init; }

    /// <summary>Sprints (source <c>jira</c>), planted by <see cref="WorkPlanter"/>; empty by default.</summary>
    public ValueList<Sprint> Sprints { get; init; } = ValueList<Sprint>.Empty;

    /// <summary>Tickets entering sprints (source <c>jira</c>), planted by <see cref="WorkPlanter"/>; empty by default.</summary>
    public ValueList<SprintChange> SprintChanges { get; init; } = ValueList<SprintChange>.Empty;

    /// <summary>What was planted in the data.</summary>
    public required SimulationFacts Facts { get; init; }

    /// <summary>What was planted for the CI-cost, off-hours and onboarding signals.</summary>
    public required WorkloadFacts Workload { get; init; }
}
