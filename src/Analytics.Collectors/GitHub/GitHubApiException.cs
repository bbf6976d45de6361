namespace Analytics.Collectors.GitHub;

/// <summary>
/// A GitHub request failed for good (after the retries that apply). The message names the request and the reason and
/// never contains the token.
/// </summary>
public sealed class GitHubApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why it failed.</param>
    /// <param name="url">The request's URL (no credentials in it).</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public GitHubApiException(GitHubErrorKind kind, string url, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Url = url;
    }

    /// <summary>Creates an exception with a message only (for serialisers and analyzers).</summary>
    public GitHubApiException()
        : this(GitHubErrorKind.Refused, "", "GitHub request failed")
    {
    }

    /// <summary>Creates an exception with a message only (for serialisers and analyzers).</summary>
    /// <param name="message">The message.</param>
    public GitHubApiException(string message)
        : this(GitHubErrorKind.Refused, "", message)
    {
    }

    /// <summary>Creates an exception with a message and a cause (for serialisers and analyzers).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GitHubApiException(string message, Exception innerException)
        : this(GitHubErrorKind.Refused, "", message, innerException)
    {
    }

    /// <summary>Why it failed.</summary>
    public GitHubErrorKind Kind { get; }

    /// <summary>The request's URL.</summary>
    public string Url { get; }
}
