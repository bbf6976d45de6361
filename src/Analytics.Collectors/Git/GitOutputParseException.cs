namespace Analytics.Collectors.Git;

/// <summary>git's <c>log</c> output did not have the expected shape; names the commit and the offending text.</summary>
public sealed class GitOutputParseException : GitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="repositoryPath">The clone's folder.</param>
    /// <param name="sha">The commit being read, or <c>(none)</c> before the first header.</param>
    /// <param name="text">The offending text (cut to 200 characters).</param>
    /// <param name="problem">What was expected.</param>
    /// <param name="innerException">The underlying parse failure, if any.</param>
    public GitOutputParseException(
        string repositoryPath, string sha, string text, string problem, Exception? innerException = null)
        : base(
            repositoryPath,
            $"cannot parse git log output of '{repositoryPath}' at commit {sha}: {problem}: '{Cut(text)}'",
            innerException)
    {
        Sha = sha;
        Text = Cut(text);
    }

    /// <summary>The commit being read, or <c>(none)</c> before the first header.</summary>
    public string Sha { get; }

    /// <summary>The offending text, cut to 200 characters.</summary>
    public string Text { get; }

    private static string Cut(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
