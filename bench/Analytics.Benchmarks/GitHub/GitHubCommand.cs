using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Analytics.Benchmarks.Cli;
using Analytics.Benchmarks.Import;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Benchmarks.GitHub;

/// <summary>
/// <c>github</c>: the GitHub collector against the tests' fake GitHub server on 127.0.0.1, seeded with a deterministic
/// organisation (<see cref="GitHubOrganisation"/>). For each store, in a fresh store: a backfill of everything, an
/// incremental run with nothing changed, and one after 1 % of the pull requests changed, each in a child process of its
/// own (<see cref="GitHubChild"/>). Counts requests by kind, primary-limit points, pull requests per second and peak
/// memory, checks that the store holds exactly what the server served, and writes bench/results/github-&lt;date&gt;.md.
/// </summary>
internal static class GitHubCommand
{
    /// <summary>The usage line for --help.</summary>
    public const string Usage =
        "  github [--prs 5000] [--repos 10] [--seed 42] [--postgres CONN] [--stores sqlite,postgres] [--work DIR] [--out DIR]";

    /// <summary>The issue's goal for a backfill: requests per pull request, reviews and files included.</summary>
    public const double RequestsPerPullRequestGoal = 0.05;

    // The fake server's primary limit: high enough that the collector's pacing (which slows down below 10 % left) never
    // waits, so the run measures the collector and not the pacer; what it charged is read from it.
    private const int PrimaryLimit = 10_000_000;

    /// <summary>Runs the benchmark and writes the report.</summary>
    public static async Task<ExitCode> RunAsync(Arguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var pullRequests = args.IntOption("--prs", 5_000, 1, 1_000_000);
        var repositories = args.IntOption("--repos", 10, 1, 99);
        var seed = args.IntOption("--seed", BenchData.DefaultSeed, 0, int.MaxValue);
        var postgres = args.Option("--postgres") ?? Environment.GetEnvironmentVariable("ANALYTICS_BENCH_POSTGRES");
        var stores = (args.Option("--stores") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchNames.StoreKindOf).Distinct().ToList();
        var work = args.Option("--work") ?? Path.Combine(Path.GetTempPath(), "analytics-bench-github");
        var output = args.Option("--out") ?? Path.Combine("bench", "results");
        args.RejectRest();
        if (postgres is null && stores.Remove(StoreKind.Postgres))
        {
            await Console.Error.WriteLineAsync("PostgreSQL skipped: no --postgres and no ANALYTICS_BENCH_POSTGRES");
        }

        Directory.CreateDirectory(work);
        var machine = await MachineDescription.ReadAsync(work, postgres, cancellationToken);
        var report = new GitHubReport(pullRequests, repositories, seed, machine, time.GetUtcNow()) { LoadBefore = SystemLoad.Read() };
        // A throwaway token for the throwaway server; the children get it from the environment they inherit.
        var token = "ghp_bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Environment.SetEnvironmentVariable(GitHubChild.TokenVariable, token);
        await using var scratch = new ScratchStores(work, postgres);
        foreach (var kind in stores)
        {
            // A new server per store, seeded alike: the changed run's edits must not leak into the next store's backfill.
            using var server = new FakeGitHubServer(token) { Limit = PrimaryLimit };
            server.Remaining = PrimaryLimit;
            var clock = Stopwatch.StartNew();
            var organisation = GitHubOrganisation.Seed(server, pullRequests, repositories, seed);
            await Console.Error.WriteLineAsync($"{BenchNames.Display(kind)}: seeded the fake server at {server.BaseUrl} in {Units.Seconds(clock.Elapsed)}");
            report.Seeded = organisation.Counts;
            var location = await scratch.CreateAsync(kind, "github", cancellationToken);
            if (kind == StoreKind.Sqlite)
            {
                // SQLite files are named by creation order, so a run that failed before dropping its store left one
                // under this name: start from an empty store all the same.
                await scratch.DropAsync(location, cancellationToken);
            }

            try
            {
                var serverPid = kind == StoreKind.Postgres ? await PostgresServer.FindPostmasterAsync(postgres!, cancellationToken) : null;
                foreach (var step in Enum.GetValues<GitHubStep>())
                {
                    var titles = step == GitHubStep.Changed ? organisation.Change(seed + 1) : null;
                    var result = await MeasureAsync(server, location, step, organisation.Counts.PullRequests, repositories, work, serverPid, time, cancellationToken);
                    report.Rows.Add(result);
                    await CheckAsync(location, result, organisation.Counts, titles, time, cancellationToken);
                }

                report.Changed = organisation.Counts;
            }
            finally
            {
                await scratch.DropAsync(location, CancellationToken.None);
            }
        }

        report.LoadAfter = SystemLoad.Read();
        Directory.CreateDirectory(output);
        var file = Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"github-{report.Date:yyyy-MM-dd}.md"));
        var text = report.Markdown();
        await File.WriteAllTextAsync(file, text, cancellationToken);
        await Console.Out.WriteLineAsync(text);
        await Console.Error.WriteLineAsync($"report: {file}");
        return ExitCode.Ok;
    }

    private static async Task<GitHubStepResult> MeasureAsync(
        FakeGitHubServer server,
        StoreLocation location,
        GitHubStep step,
        long pullRequests,
        int repositories,
        string work,
        int? serverPid,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var what = $"{BenchNames.Display(location.Kind)} {GitHubReport.Display(step)}";
        await Console.Error.WriteLineAsync(what);
        var summaryFile = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"github-{Environment.ProcessId}-{BenchNames.Of(location.Kind)}-{step}.json"));
        var logged = server.Log.Count;
        var charged = server.Charged;
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        string[] arguments =
        [
            GitHubChild.Command, BenchNames.Of(location.Kind),
            "--url", server.BaseUrl,
            "--repos", repositories.ToString(CultureInfo.InvariantCulture),
            "--report", summaryFile,
        ];
        var measurement = await MeasurementProcess.RunAsync(location, arguments, what, serverPid, cancellationToken);
        self.Refresh();
        var fakeServerCpu = self.TotalProcessorTime - cpu;
        var summary = JsonSerializer.Deserialize<GitHubChildSummary>(await File.ReadAllBytesAsync(summaryFile, cancellationToken))
            ?? throw new MeasurementException($"{what}: {summaryFile} is empty");
        File.Delete(summaryFile);

        // The server logs a request just after answering it, so the last entries may trail the child's exit by a moment.
        for (var wait = 0; wait < 100 && server.Log.Count - logged < summary.Requests; wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
        }

        var requests = RequestTally.Of(server.Log.Skip(logged).Select(e => (e.PathAndQuery, e.Status)));
        var stored = await CountAsync(location, time, cancellationToken);
        var result = new GitHubStepResult(location.Kind, step, pullRequests, measurement, requests, summary, server.Charged - charged, fakeServerCpu, stored);
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"  {Units.Seconds(measurement.Wall)}, {requests.Total} requests ({requests.NotModified} 304), {result.RequestsPerPullRequest:0.###} per PR, {result.PointsSpent} points, peak {Units.Bytes(measurement.PeakWorkingSetBytes)}"));
        return result;
    }

    private static async Task<IReadOnlyList<(string Table, long Count)>> CountAsync(StoreLocation location, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var store = await Store.OpenAsync(location, time, cancellationToken);
        var counts = new List<(string, long)>();
        foreach (var map in new EntityMap[] { Entities.PullRequests, Entities.Reviews, Entities.ReviewComments, Entities.PullRequestCommits, Entities.PullRequestFiles, Entities.WorkflowRuns, Entities.CiJobs })
        {
            counts.Add((map.Table, await store.CountAsync(map, cancellationToken)));
        }

        return counts;
    }

    /// <summary>Fails loudly unless the store holds exactly what the server served (and the changed titles, after the changed run).</summary>
    private static async Task CheckAsync(StoreLocation location, GitHubStepResult result, SeededCounts expected, IReadOnlyDictionary<string, string>? titles, TimeProvider time, CancellationToken cancellationToken)
    {
        var what = $"{BenchNames.Display(location.Kind)} {GitHubReport.Display(result.Step)}";
        var wrong = expected.Rows.Zip(result.Stored)
            .Where(pair => pair.First.Count != pair.Second.Count)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.First.Table}: {pair.Second.Count} stored, {pair.First.Count} served"))
            .ToList();
        if (titles is not null)
        {
            await using var store = await Store.OpenAsync(location, time, cancellationToken);
            var query = StoreQuery.All.Where("source", Analytics.Collectors.GitHub.GitHubMapper.Source).WhereIn("source_id", titles.Keys);
            var seen = 0;
            await foreach (var pull in store.ReadAsync(Entities.PullRequests, query, cancellationToken))
            {
                seen++;
                if (pull.Title != titles[pull.SourceId])
                {
                    wrong.Add($"{pull.SourceId}: title '{pull.Title}' stored, '{titles[pull.SourceId]}' served");
                }
            }

            if (seen != titles.Count)
            {
                wrong.Add(string.Create(CultureInfo.InvariantCulture, $"{titles.Count - seen} changed pull requests missing"));
            }
        }

        if (wrong.Count > 0)
        {
            throw new MeasurementException($"{what}: the store does not hold what the server served: {string.Join("; ", wrong.Take(10))}");
        }
    }
}
