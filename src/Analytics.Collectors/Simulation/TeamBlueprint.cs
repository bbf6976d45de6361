namespace Analytics.Collectors.Simulation;

/// <summary>A simulated team as written in <see cref="Blueprint"/>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="TimeZone">Its IANA time zone.</param>
/// <param name="JiraProject">Its Jira project key.</param>
/// <param name="People">Its people, the one who leaves included.</param>
/// <param name="Repositories">The repositories it owns.</param>
/// <param name="IncidentsPerMonth">Its usual number of incidents not caused by a deployment, per month.</param>
internal sealed record TeamBlueprint(
    string Id,
    string Name,
    string TimeZone,
    string JiraProject,
    PersonBlueprint[] People,
    RepoBlueprint[] Repositories,
    double IncidentsPerMonth);
