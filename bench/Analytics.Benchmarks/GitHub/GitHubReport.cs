using System.Globalization;
using System.Text;
using Analytics.Benchmarks.Import;

namespace Analytics.Benchmarks.GitHub;

/// <summary>The GitHub benchmark's results as Markdown (bench/results/github-&lt;date&gt;.md).</summary>
internal sealed class GitHubReport(int pullRequests, int repositories, int seed, MachineDescription machine, DateTimeOffset date)
{
    /// <summary>When it ran.</summary>
    public DateTimeOffset Date => date;

    /// <summary>What the server held for the backfill.</summary>
    public SeededCounts? Seeded { get; set; }

    /// <summary>What it held after the change.</summary>
    public SeededCounts? Changed { get; set; }

    /// <summary>Every measured run, in the order taken.</summary>
    public List<GitHubStepResult> Rows { get; } = [];

    /// <summary>Load averages before the run.</summary>
    public string LoadBefore { get; set; } = "";

    /// <summary>Load averages after the run.</summary>
    public string LoadAfter { get; set; } = "";

    /// <summary>A step as the report names it.</summary>
    public static string Display(GitHubStep step) => step switch
    {
        GitHubStep.Backfill => "backfill",
        GitHubStep.Unchanged => "incremental, nothing changed",
        _ => "incremental, 1 % changed",
    };

    /// <summary>The whole report.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# GitHub collection benchmark, {Units.Number(pullRequests)} pull requests in {repositories} repositories (seed {seed}), {date:yyyy-MM-dd}"));
        text.AppendLine();
        text.AppendLine("Machine: " + machine.Line + ".");
        text.AppendLine(Invariant($"Load before: {LoadBefore}; after: {LoadAfter}; benchmark niceness {SystemLoad.Niceness()}."));
        text.AppendLine("Server: the tests' fake GitHub (`FakeGitHubServer`, HttpListener on 127.0.0.1) in the driver process; each run in a child process of its own.");
        text.AppendLine();
        AppendData(text);
        AppendSummary(text);
        AppendGoals(text);
        AppendEndpoints(text);
        AppendDetails(text);
        return text.ToString();
    }

    private void AppendData(StringBuilder text)
    {
        if (Seeded is null)
        {
            return;
        }

        text.AppendLine("## The data served, and stored");
        text.AppendLine();
        var stores = Rows.Where(r => r.Step == GitHubStep.Changed).ToList();
        text.AppendLine("| Table | served (backfill) | served (after the change) | " + string.Join(" | ", stores.Select(r => "stored, " + BenchNames.Display(r.Store))) + " |");
        text.AppendLine("|---|---:|---:|" + string.Concat(stores.Select(_ => "---:|")));
        var after = Changed ?? Seeded;
        for (var i = 0; i < Seeded.Rows.Count; i++)
        {
            text.AppendLine($"| {Seeded.Rows[i].Table} | {Units.Number(Seeded.Rows[i].Count)} | {Units.Number(after.Rows[i].Count)} | "
                + string.Join(" | ", stores.Select(r => Units.Number(r.Stored[i].Count))) + " |");
        }

        text.AppendLine();
        text.AppendLine("Every run's store was checked against what the server held (the benchmark fails otherwise), and after the changed run the changed titles too.");
        text.AppendLine();
    }

    private void AppendSummary(StringBuilder text)
    {
        text.AppendLine("## Runs");
        text.AppendLine();
        text.AppendLine("| Store | Run | Wall time | Collector CPU | Requests (REST / GraphQL) | 304 | Requests per PR (all / PR data) | Primary points | PRs read per second | Peak working set |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Rows)
        {
            var m = row.Measurement;
            text.AppendLine(Invariant(
                $"| {BenchNames.Display(row.Store)} | {Display(row.Step)} | {Units.Seconds(m.Wall)} | {Units.Seconds(m.Cpu)} | {Units.Number(row.Requests.Total)} ({Units.Number(row.Requests.Rest)} / {Units.Number(row.Requests.GraphQl)}) | {Units.Number(row.Requests.NotModified)} | {row.RequestsPerPullRequest:0.####} / {row.PullRequestDataPerPullRequest:0.####} | {Units.Number(row.PointsSpent)} | {(m.Rows == 0 ? "–" : Units.Number(row.PullRequestsPerSecond))} | {Units.Bytes(m.PeakWorkingSetBytes)} |"));
        }

        text.AppendLine();
        text.AppendLine("Requests per PR are per pull request the server held; \"PR data\" counts the pull-request list, each pull request and its reviews, review comments, commits and files, and GraphQL; \"all\" adds the repository, workflow runs, attempts, jobs and deployments.");
        text.AppendLine("Primary points: what the server charged its primary rate limit (a 304 costs none). PRs read per second: pull requests the collector read ÷ wall time.");
        text.AppendLine();
    }

    private void AppendGoals(StringBuilder text)
    {
        text.AppendLine("## The issue's goals");
        text.AppendLine();
        foreach (var row in Rows.Where(r => r.Step == GitHubStep.Backfill))
        {
            var met = row.PullRequestDataPerPullRequest <= GitHubCommand.RequestsPerPullRequestGoal ? "met" : "missed";
            text.AppendLine(Invariant($"- {BenchNames.Display(row.Store)} backfill: {row.PullRequestDataPerPullRequest:0.####} pull-request requests per PR ({row.RequestsPerPullRequest:0.####} with runs); goal at most {GitHubCommand.RequestsPerPullRequestGoal}: **{met}**."));
        }

        foreach (var row in Rows.Where(r => r.Step == GitHubStep.Unchanged))
        {
            text.AppendLine(Invariant($"- {BenchNames.Display(row.Store)} incremental with nothing changed: {row.PointsSpent} primary points ({row.Requests.Total} requests, {row.Requests.NotModified} of them 304); goal 0: **{(row.PointsSpent == 0 ? "met" : "missed")}**."));
        }

        text.AppendLine();
    }

    private void AppendEndpoints(StringBuilder text)
    {
        text.AppendLine("## Requests by endpoint (requests, of which 304)");
        text.AppendLine();
        var endpoints = Rows.SelectMany(r => r.Requests.ByEndpoint.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        text.AppendLine("| Store | Run | " + string.Join(" | ", endpoints) + " |");
        text.AppendLine("|---|---|" + string.Concat(endpoints.Select(_ => "---:|")));
        foreach (var row in Rows)
        {
            var cells = endpoints.Select(e => row.Requests.ByEndpoint.TryGetValue(e, out var c) ? Invariant($"{Units.Number(c.Requests)} ({Units.Number(c.NotModified)})") : "–");
            text.AppendLine($"| {BenchNames.Display(row.Store)} | {Display(row.Step)} | " + string.Join(" | ", cells) + " |");
        }

        text.AppendLine();
    }

    private void AppendDetails(StringBuilder text)
    {
        text.AppendLine("## Details");
        text.AppendLine();
        text.AppendLine("| Store | Run | Records changed | Requests the collector counted (304) | Fake server CPU | Database server CPU | Other processes' CPU | Steal | Allocated | GC pauses | Peak working set before the run | Warnings |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in Rows)
        {
            var m = row.Measurement;
            text.AppendLine(Invariant(
                $"| {BenchNames.Display(row.Store)} | {Display(row.Step)} | {Units.Number(m.Changed)} | {Units.Number(row.Collector.Requests)} ({Units.Number(row.Collector.NotModified)}) | {Units.Seconds(row.FakeServerCpu)} | {(m.ServerCpu is { } s ? Units.Seconds(s) : "–")} | {Units.Seconds(m.OtherCpu)} | {Units.Seconds(m.Steal)} | {Units.Bytes(m.AllocatedBytes)} | {Units.Seconds(m.GcPause)} | {Units.Bytes(m.StartPeakWorkingSetBytes)} | {(row.Collector.Warnings.Count == 0 ? "none" : string.Join("; ", row.Collector.Warnings.Take(3)))} |"));
        }

        text.AppendLine();
        text.AppendLine("Records changed: as the collector reports them (`GitHubRepositoryResult.Changed`), which leaves out what the backfill's per-page commits wrote. Requests the collector counted: `GitHubSyncReport.Requests` and `NotModified`, to compare with the server's log.");
        text.AppendLine("Fake server CPU: the driver process, which runs the fake server, during the run (its JSON building, hashing for ETags and HTTP). Other processes' CPU: the rest of the machine, which includes the fake server's CPU here; near zero on a quiet machine apart from that.");
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
