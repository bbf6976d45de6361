using System.Text.Json;
using Analytics.Benchmarks.Cli;
using Analytics.Benchmarks.Import;
using Analytics.Collectors.GitHub;
using Analytics.Storage;

namespace Analytics.Benchmarks.GitHub;

/// <summary>
/// <c>--github-single &lt;sqlite|postgres&gt; --url URL --repos M --report FILE</c>: one collection run of the GitHub
/// benchmark in a process of its own (started by <see cref="MeasurementProcess"/>), so its peak working set and CPU time
/// are the collector's alone, not the fake server's. It runs exactly what <c>analytics collect github --backfill
/// --since …</c> runs (<see cref="GitHubSync"/>) against the driver's fake server, prints one result line (rows: pull
/// requests read; changed: records changed), and writes the collector's own request counts to the report file.
/// </summary>
internal static class GitHubChild
{
    /// <summary>The command word.</summary>
    public const string Command = "--github-single";

    /// <summary>The environment variable that carries the fake server's token to the child (never on a command line).</summary>
    public const string TokenVariable = "ANALYTICS_BENCH_GITHUB_TOKEN";

    /// <summary>Runs the collection once and prints its result line.</summary>
    /// <exception cref="MeasurementException">A repository failed to sync.</exception>
    public static async Task<ExitCode> RunAsync(Arguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var kind = BenchNames.StoreKindOf(args.Word("a store (sqlite or postgres)"));
        var url = args.Option("--url") ?? throw new UsageException($"{Command} needs --url");
        var repositories = args.IntOption("--repos", 10, 1, 99);
        var reportFile = args.Option("--report") ?? throw new UsageException($"{Command} needs --report");
        args.RejectRest();
        var token = Environment.GetEnvironmentVariable(TokenVariable) ?? throw new UsageException($"{Command} needs the token in {TokenVariable}");
        var target = Environment.GetEnvironmentVariable(SingleMeasurement.TargetVariable)
            ?? throw new UsageException($"{Command} needs the store's target in {SingleMeasurement.TargetVariable}");

        await using var store = await Store.OpenAsync(new StoreLocation(kind, target), time, cancellationToken);
        var options = new GitHubOptions
        {
            BaseUrl = new Uri(url),
            Token = token,
            TokenVariable = TokenVariable,
            Repositories = GitHubOrganisation.Repositories(repositories),
            Since = GitHubOrganisation.Since,
            Backfill = true,
        };
        using var sync = new GitHubSync(store, options, time);
        GitHubSyncReport? report = null;
        var measurement = await SingleMeasurement.MeasureAsync(
            kind,
            async ct =>
            {
                report = await sync.SyncAsync(null, ct);
                return (report.Repositories.Sum(r => (long)r.PullRequests), report.Repositories.Sum(r => (long)r.Changed));
            },
            cancellationToken);
        if (!report!.Succeeded)
        {
            var failures = report.Repositories.Where(r => r.Status == GitHubRepositoryStatus.Failed).Select(r => $"{r.Repository}: {r.Message}");
            throw new MeasurementException($"the collection failed: {string.Join("; ", failures)}");
        }

        var summary = new GitHubChildSummary(report.Requests, report.NotModified, report.Repositories.SelectMany(r => r.Warnings).ToList());
        await File.WriteAllBytesAsync(reportFile, JsonSerializer.SerializeToUtf8Bytes(summary), cancellationToken);
        await Console.Out.WriteLineAsync(SingleMeasurement.Format(measurement));
        return ExitCode.Ok;
    }
}
