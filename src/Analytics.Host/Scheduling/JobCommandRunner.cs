using System.Collections;
using Analytics.Host.Cli;

namespace Analytics.Host.Scheduling;

/// <summary>
/// Runs a job's <c>analytics</c> command in this process, through the same parser and handlers as the command line,
/// so a scheduled collection or evaluation behaves exactly like the command (settings, cursors, locks, exit codes).
/// </summary>
/// <param name="globalArguments">The global options <c>serve</c> was given (<c>--config</c>, <c>--store</c>, <c>--teams</c>), passed on.</param>
/// <param name="workingDirectory">Where relative paths are resolved.</param>
/// <param name="variables">The environment variables.</param>
/// <param name="time">The clock.</param>
/// <param name="scrubber">Removes secrets from what is kept of the command's error output.</param>
internal sealed class JobCommandRunner(
    IReadOnlyList<string> globalArguments,
    string workingDirectory,
    IDictionary variables,
    TimeProvider time,
    SecretScrubber scrubber)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Runs <paramref name="job"/>'s command.</summary>
    /// <returns>Null when it succeeded (exit code 0, or 1 for findings, which are not a failure of the job); else its error, without secrets.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the command stopped).</exception>
    public async Task<string?> RunAsync(JobDefinition job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        await using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var environment = new CliEnvironment(output, error, workingDirectory, variables, time, Interactive: false);
        int exit;
        try
        {
            exit = await AnalyticsCli.RunNestedAsync([.. globalArguments, .. job.CommandLine], environment, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Trim(scrubber.Scrub($"internal error: {e.Message}"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (exit is (int)ExitCode.Ok or (int)ExitCode.Findings)
        {
            return null;
        }

        var text = error.ToString().Trim();
        return Trim(scrubber.Scrub(text.Length > 0 ? $"exit code {exit}: {text}" : $"exit code {exit}"));
    }

    /// <summary>Keeps the end of a long error: the last lines say what finally failed.</summary>
    private static string Trim(string text) =>
        text.Length <= MaxErrorLength ? text : "…" + text[^(MaxErrorLength - 1)..];
}
