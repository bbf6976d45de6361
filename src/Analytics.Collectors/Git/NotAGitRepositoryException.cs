namespace Analytics.Collectors.Git;

/// <summary>The folder does not exist, or is not the top of a git clone (its parents are not searched).</summary>
public sealed class NotAGitRepositoryException : GitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="repositoryPath">The folder that was given.</param>
    /// <param name="reason">Why it is not a repository, in git's words when git said it.</param>
    public NotAGitRepositoryException(string repositoryPath, string reason)
        : base(repositoryPath, $"'{repositoryPath}' is not a git repository: {reason}")
    {
    }
}
