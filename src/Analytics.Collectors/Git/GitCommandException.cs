namespace Analytics.Collectors.Git;

/// <summary>
/// A git command exited with a non-zero code or wrote an <c>error:</c>/<c>fatal:</c> line to stderr (a missing or corrupt
/// object, a broken ref). The message names the repository, the command and git's stderr.
/// </summary>
public sealed class GitCommandException : GitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="repositoryPath">The clone's folder.</param>
    /// <param name="command">The git command line, for the message.</param>
    /// <param name="exitCode">git's exit code.</param>
    /// <param name="standardError">What git wrote to stderr (capped).</param>
    /// <param name="innerException">A parse error hit while git was failing, if any.</param>
    public GitCommandException(
        string repositoryPath, string command, int exitCode, string standardError, Exception? innerException = null)
        : base(repositoryPath, Describe(repositoryPath, command, exitCode, standardError), innerException)
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>The git command line that failed (without the executable).</summary>
    public string Command { get; }

    /// <summary>git's exit code (0 when only stderr signalled the failure).</summary>
    public int ExitCode { get; }

    /// <summary>What git wrote to stderr, capped at 64K characters.</summary>
    public string StandardError { get; }

    private static string Describe(string repositoryPath, string command, int exitCode, string standardError)
    {
        var message = standardError.Trim();
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"'git {command}' failed in '{repositoryPath}' (exit code {exitCode}): {(message.Length == 0 ? "no message" : message)}");
    }
}
