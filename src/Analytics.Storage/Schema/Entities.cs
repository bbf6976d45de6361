namespace Analytics.Storage.Schema;

/// <summary>
/// The catalogue of stored entities. Each map is the single description of an entity's table, import/export fields
/// and identity; <c>docs/import-format.md</c> is written from it.
/// </summary>
public static partial class Entities
{
    private const string SourceText = "The system the record came from (`github`, `jira`, `import`…).";

    /// <summary>Every entity, in the order that satisfies references (repositories before pull requests, and so on).</summary>
    /// <remarks>Built on first use: the maps live in several partial files, whose static initialisers run in no set order.</remarks>
    public static IReadOnlyList<EntityMap> All => s_all ??= CreateAll();

    private static IReadOnlyList<EntityMap>? s_all;

    private static EntityMap[] CreateAll() =>
    [
        Repositories, Identities, PullRequests, Reviews, ReviewComments, PullRequestCommits, Commits, FileChanges,
        PullRequestFiles,
        WorkflowRuns, CiJobs, CiSteps, TestCases, TestResults, Deployments, Tickets, TicketTransitions, Incidents,
        AlertStates, Silences, AlertNotifications,
        OutboundMessages,
        Sprints, SprintChanges,
        JobRuns,
    ];

    /// <summary>Finds an entity by its command-line name (<c>pull-requests</c>), ignoring case; null when unknown.</summary>
    public static EntityMap? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.Table, name, StringComparison.OrdinalIgnoreCase));
}
