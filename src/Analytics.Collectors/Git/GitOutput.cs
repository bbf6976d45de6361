namespace Analytics.Collectors.Git;

/// <summary>The whole result of a short git command.</summary>
/// <param name="ExitCode">git's exit code.</param>
/// <param name="StandardOutput">Its stdout.</param>
/// <param name="StandardError">Its stderr (capped).</param>
internal sealed record GitOutput(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Whether stderr holds a line git uses for errors (<c>error:</c>, <c>fatal:</c>, <c>BUG:</c>).</summary>
    public bool HasErrorOnStderr => GitProcess.SignalsError(StandardError);
}
