namespace Analytics.Collectors.Jira;

/// <summary>What one scope's sync read and stored.</summary>
/// <param name="Scope">The scope: <c>project:KEY</c> or <c>jql:name</c>.</param>
/// <param name="Issues">Issues read.</param>
/// <param name="Transitions">Status transitions read.</param>
/// <param name="Incidents">Issues stored as incidents too.</param>
/// <param name="Changed">Records new or changed in the store.</param>
/// <param name="Cursor">The scope's cursor after the sync (the latest <c>updated</c> seen), or null if none yet.</param>
public sealed record JiraSyncResult(string Scope, int Issues, int Transitions, int Incidents, int Changed, DateTimeOffset? Cursor)
{
    /// <summary>Tickets, transitions and incidents removed because Jira no longer has them (full refresh of a project only).</summary>
    public int Removed { get; init; }
}
