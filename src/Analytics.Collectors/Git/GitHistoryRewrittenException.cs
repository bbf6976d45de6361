namespace Analytics.Collectors.Git;

/// <summary>
/// The commit an incremental read starts after is no longer an ancestor of HEAD (history was rewritten, or the commit
/// is gone). The caller should discard its cursor and read the whole history again (<c>sinceSha: null</c>).
/// </summary>
public sealed class GitHistoryRewrittenException : GitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="repositoryPath">The clone's folder.</param>
    /// <param name="sinceSha">The cursor that is no longer valid.</param>
    /// <param name="headSha">HEAD when the read started.</param>
    /// <param name="reason">Whether the commit is missing or merely not an ancestor.</param>
    public GitHistoryRewrittenException(string repositoryPath, string sinceSha, string headSha, string reason)
        : base(
            repositoryPath,
            $"cannot read '{repositoryPath}' incrementally from {sinceSha}: {reason} of HEAD {headSha}; read the full history again")
    {
        SinceSha = sinceSha;
        HeadSha = headSha;
    }

    /// <summary>The cursor that is no longer valid.</summary>
    public string SinceSha { get; }

    /// <summary>HEAD when the read started.</summary>
    public string HeadSha { get; }
}
