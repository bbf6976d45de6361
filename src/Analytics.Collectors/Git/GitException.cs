namespace Analytics.Collectors.Git;

/// <summary>
/// Reading a local clone failed: git could not be started, the folder is not a repository, git reported an error, or
/// its output could not be understood. The message names the repository path and git's own words. Records already
/// yielded by a read that ends in this exception belong to an incomplete read and must not be committed as a whole.
/// </summary>
public class GitException : Exception
{
    /// <summary>Creates an exception with no repository path.</summary>
    public GitException()
        : this(string.Empty, "git failed")
    {
    }

    /// <summary>Creates an exception with no repository path.</summary>
    /// <param name="message">What went wrong.</param>
    public GitException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates an exception with no repository path.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public GitException(string message, Exception? innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>Creates an exception about the repository at <paramref name="repositoryPath"/>.</summary>
    /// <param name="repositoryPath">The clone's folder.</param>
    /// <param name="message">What went wrong; it should name the path.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GitException(string repositoryPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        RepositoryPath = repositoryPath;
    }

    /// <summary>The clone's folder (absolute); empty when unknown.</summary>
    public string RepositoryPath { get; }
}
