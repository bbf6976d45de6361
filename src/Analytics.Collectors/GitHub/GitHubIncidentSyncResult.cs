namespace Analytics.Collectors.GitHub;

/// <summary>What one repository's incident sync read and stored.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Incidents">Incident issues read.</param>
/// <param name="Changed">Records new or changed in the store.</param>
/// <param name="Removed">Incidents removed because the issue is gone or lost the label (full refresh only).</param>
/// <param name="Cursor">The latest <c>updated_at</c> seen, where the next sync starts.</param>
public sealed record GitHubIncidentSyncResult(string Repository, int Incidents, int Changed, int Removed, DateTimeOffset? Cursor);
