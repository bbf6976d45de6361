namespace Analytics.Collectors.GitHub;

/// <summary>How one repository's sync ended.</summary>
public enum GitHubRepositoryStatus
{
    /// <summary>Everything new was stored and the cursor moved.</summary>
    Synced,
    /// <summary>It failed; the store holds what it held before for this repository.</summary>
    Failed,
    /// <summary>It was not attempted (archived, or an earlier failure made it pointless); the reason says which.</summary>
    Skipped,
}
