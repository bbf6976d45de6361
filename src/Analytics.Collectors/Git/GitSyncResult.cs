namespace Analytics.Collectors.Git;

/// <summary>What one sync of a clone did.</summary>
/// <param name="Repository">The repository's name.</param>
/// <param name="Commits">Commits read.</param>
/// <param name="Changed">Records (commits, file changes, accounts) inserted or changed.</param>
/// <param name="Head">The HEAD the sync reached, now the cursor.</param>
/// <param name="FullRead">Whether the whole history was read (first sync, or history rewritten since the cursor).</param>
public sealed record GitSyncResult(string Repository, int Commits, int Changed, string? Head, bool FullRead);
