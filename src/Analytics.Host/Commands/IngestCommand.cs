using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Analytics.Collectors.TestReports;
using Analytics.Host.Cli;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics ingest junit &lt;files or globs&gt;…</c>: stores test reports (JUnit XML in any dialect, .NET TRX) as
/// test cases and results; each file is applied whole or refused whole (docs/test-reports.md).
/// </summary>
internal static class IngestCommand
{
    /// <summary>Environment variables that name the CI run, in the order they are tried.</summary>
    private static readonly string[] RunIdVariables = ["GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_BUILDID", "BUILDKITE_BUILD_ID"];

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("ingest", "Ingest files produced by CI into the store.");
        command.Subcommands.Add(CreateJunit(runner));
        return command;
    }

    private static Command CreateJunit(CommandRunner runner)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Report files or globs, relative to the working directory (quote globs: 'build/test-results/**/*.xml', '**/TEST-*.xml', '**/*.trx').",
            Arity = ArgumentArity.OneOrMore,
        };
        var repo = new Option<string>("--repo") { Description = "The repository (owner/name).", Required = true };
        var commit = new Option<string>("--commit") { Description = "The commit under test (sha).", Required = true };
        var branch = new Option<string?>("--branch") { Description = "The branch, when known." };
        var run = new Option<string?>("--run") { Description = "The CI run id. Default: GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_BUILDID or BUILDKITE_BUILD_ID when set, else 'local-' and a hash of the files' contents." };
        var attempt = new Option<int?>("--attempt") { Description = "The run attempt, from 1. Default: GITHUB_RUN_ATTEMPT, else 1." };
        var job = new Option<string?>("--job") { Description = "The CI job that ran the tests. Default: GITHUB_JOB, else CI_JOB_NAME, else 'default'." };
        var json = GlobalOptions.Json();
        var command = new Command("junit", "Store JUnit XML (Surefire, Gradle, pytest, jest, go, .NET) and TRX test reports; the dialect is detected. Exit 2 when any file is refused (the others are stored).")
        {
            files, repo, commit, branch, run, attempt, job, json,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var environment = session.Environment;
            var reports = Expand(session.Parse.GetValue(files)!, environment.WorkingDirectory);
            var metadata = new TestReportMetadata(
                NotBlank(session.Parse.GetValue(repo), "--repo"),
                NotBlank(session.Parse.GetValue(commit), "--commit"),
                session.Parse.GetValue(branch) is { Length: > 0 } b ? b : null,
                session.Parse.GetValue(run) is { } r ? NotBlank(r, "--run") : FirstVariable(environment, RunIdVariables) ?? await ContentRunIdAsync(reports, cancellationToken),
                session.Parse.GetValue(attempt) ?? AttemptFromEnvironment(environment),
                session.Parse.GetValue(job) is { } j ? NotBlank(j, "--job") : FirstVariable(environment, ["GITHUB_JOB", "CI_JOB_NAME"]) ?? "default",
                environment.Time.GetUtcNow());
            if (metadata.Attempt < 1)
            {
                throw new UserErrorException($"--attempt: {metadata.Attempt} is not a run attempt (1 or more)");
            }

            var store = await session.OpenStoreAsync(cancellationToken);
            var ingestor = new TestReportIngestor(store);
            var results = new List<TestReportIngestResult>();
            foreach (var report in reports)
            {
                if (report.Path is null)
                {
                    results.Add(new TestReportIngestResult(report.Name, null, 0, 0, 0, 0, 0, default, false, new TestReportError(report.Name, 0, 0, "no files match")));
                    continue;
                }

                // A report without a usable timestamp gets its file's modification time: close to when the tests ran,
                // and the same when the same file is ingested again, so re-ingesting changes nothing.
                var fileMetadata = File.Exists(report.Path) ? metadata with { Time = File.GetLastWriteTimeUtc(report.Path) } : metadata;
                results.Add(await ingestor.IngestFileAsync(report.Path, report.Name, fileMetadata, cancellationToken));
            }

            await ReportAsync(session, metadata, results, session.Parse.GetValue(json));
            return results.All(r => r.Applied) ? ExitCode.Ok : ExitCode.UserError;
        });
        return command;
    }

    /// <summary>A report to ingest: its name as shown and its full path, or no path when a glob matched nothing.</summary>
    private sealed record ReportFile(string Name, string? Path);

    /// <summary>
    /// Expands the arguments: a glob (<c>*</c>, <c>?</c>, <c>**</c>) becomes the files it matches, in path order; a
    /// plain path stays as given (a missing file is refused when ingested). Each file is ingested once.
    /// </summary>
    private static List<ReportFile> Expand(string[] arguments, string workingDirectory)
    {
        var reports = new List<ReportFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (argument.AsSpan().IndexOfAny("*?[") < 0)
            {
                var full = Path.GetFullPath(argument, workingDirectory);
                if (seen.Add(full))
                {
                    reports.Add(new ReportFile(argument, full));
                }

                continue;
            }

            var segments = argument.Replace('\\', '/').Split('/');
            var firstWild = Array.FindIndex(segments, s => s.AsSpan().IndexOfAny("*?[") >= 0);
            var prefix = string.Join('/', segments[..firstWild]);
            var root = Path.GetFullPath(prefix.Length > 0 ? prefix : segments[0].Length == 0 && firstWild > 0 ? "/" : ".", workingDirectory);
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(string.Join('/', segments[firstWild..]));
            var matches = Directory.Exists(root) ? matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).ToList() : [];
            if (matches.Count == 0)
            {
                reports.Add(new ReportFile(argument, null));
            }

            foreach (var match in matches.Where(seen.Add))
            {
                var relative = Path.GetRelativePath(workingDirectory, match);
                reports.Add(new ReportFile(relative.StartsWith("..", StringComparison.Ordinal) ? match : relative.Replace('\\', '/'), match));
            }
        }

        return reports;
    }

    /// <summary>A run id for reports ingested outside CI: the same files give the same id, so re-ingesting changes nothing.</summary>
    private static async Task<string> ContentRunIdAsync(List<ReportFile> reports, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var report in reports.Where(r => r.Path is not null && File.Exists(r.Path)).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(report.Name + "\0"));
            await using var stream = File.OpenRead(report.Path!);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return "local-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static int AttemptFromEnvironment(CliEnvironment environment)
    {
        var text = FirstVariable(environment, ["GITHUB_RUN_ATTEMPT"]);
        if (text is null)
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new UserErrorException($"GITHUB_RUN_ATTEMPT='{text}' is not a run attempt; pass --attempt");
    }

    private static string? FirstVariable(CliEnvironment environment, string[] names) =>
        names.Select(n => environment.Variables[n] as string).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string NotBlank(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new UserErrorException($"{option} must not be empty") : value;

    private static async Task ReportAsync(CommandSession session, TestReportMetadata metadata, List<TestReportIngestResult> results, bool json)
    {
        foreach (var error in results.Select(r => r.Error).OfType<TestReportError>())
        {
            await session.Environment.Error.WriteLineAsync($"error: {error}");
        }

        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, new
            {
                repository = metadata.Repository,
                commit = metadata.CommitSha,
                branch = metadata.Branch,
                run = metadata.RunId,
                attempt = metadata.Attempt,
                job = metadata.Job,
                files = results.Select(r => new
                {
                    file = r.File,
                    dialect = r.Dialect,
                    applied = r.Applied,
                    passed = r.Passed,
                    failed = r.Failed,
                    errored = r.Errored,
                    skipped = r.Skipped,
                    retried = r.Retried,
                    changed = r.Stored.Changed,
                    unchanged = r.Stored.Unchanged,
                    archived = r.Archived,
                    error = r.Error is null ? null : new { line = r.Error.Line, column = r.Error.Column, message = r.Error.Message },
                }),
            });
            return;
        }

        await session.Environment.Out.WriteLineAsync($"{metadata.Repository} at {metadata.CommitSha[..Math.Min(12, metadata.CommitSha.Length)]}: run {metadata.RunId}, attempt {metadata.Attempt}, job {metadata.Job}");
        foreach (var r in results)
        {
            // One line per file: a table's columns wrap a long path into a column of fragments on an 80-column CI log.
            await session.Environment.Out.WriteLineAsync(r.Applied
                ? $"{r.File} ({r.Dialect}): {r.Passed} passed, {r.Failed} failed, {r.Errored} errored, {r.Skipped} skipped, {r.Retried} retried; {r.Stored.Changed} records new or changed; applied"
                : $"{r.File}: refused, nothing stored");
        }
    }
}
