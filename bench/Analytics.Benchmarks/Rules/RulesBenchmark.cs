using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Rules.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Series;
using Analytics.Storage;

namespace Analytics.Benchmarks.Rules;

/// <summary>
/// Whole-process timings of rule evaluation: 500 generated rules over the simulated organisation at scale 5 (one year),
/// in a temporary SQLite store. Prints the time to load and check the rules, to compute the signals they read, to
/// evaluate all of them (median of 5 runs) and to apply the outcomes to the stored alert state.
/// Usage: <c>dotnet run -c Release --project bench/Analytics.Benchmarks -- rules [--scale 5] [--rules 500]</c>.
/// </summary>
public static class RulesBenchmark
{
    private const int Runs = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scale = Option(args, "--scale", 5.0);
        var ruleCount = (int)Option(args, "--rules", 500);
        var end = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        var time = TimeProvider.System;
        var directory = Directory.CreateTempSubdirectory("analytics-bench-rules-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = end, Days = 365, Scale = scale });
            await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, "bench.db")), time, default);
            await SimulatedOrganisationWriter.WriteAsync(store, organisation, null, default);
            Console.WriteLine(Invariant($"organisation at scale {scale}: {organisation.Teams.Count} teams, {organisation.PullRequests.Count} pull requests, {organisation.WorkflowRuns.Count} CI runs; simulated and stored in {clock.Elapsed.TotalSeconds:0.0} s"));

            clock.Restart();
            var text = GenerateRules(ruleCount);
            var loaded = RuleFileParser.Parse("generated.yaml", text, SignalLabels.Catalog);
            var loadTime = clock.Elapsed;
            var errors = loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                Console.Error.WriteLine(string.Join(Environment.NewLine, errors));
                return 1;
            }

            var groups = loaded.Groups;
            var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
            var longest = groups.SelectMany(g => g.Rules).Max(r => r.Check.LongestRange) + TimeSpan.FromDays(14);
            var request = new SignalRequest(store, organisation.Teams, people, end - longest, end, Granularity.Week);

            clock.Restart();
            var source = new SignalSeriesSource(request);
            foreach (var signal in groups.SelectMany(g => g.Rules).SelectMany(r => r.Check.Signals).Distinct())
            {
                await source.ReadAsync(signal, Granularity.Week, default);
            }

            var signalTime = clock.Elapsed;
            var evaluations = new List<TimeSpan>();
            IReadOnlyList<RuleOutcome> outcomes = [];
            for (var run = 0; run < Runs; run++)
            {
                clock.Restart();
                outcomes = await RuleEvaluator.EvaluateAsync(groups, source, end, default);
                evaluations.Add(clock.Elapsed);
            }

            clock.Restart();
            var applied = await AlertBook.ApplyAsync(store, outcomes, end, default);
            var applyTime = clock.Elapsed;
            clock.Restart();
            await AlertBook.ApplyAsync(store, outcomes, end.AddHours(1), default);
            var reapplyTime = clock.Elapsed;

            var median = evaluations.Order().ElementAt(Runs / 2);
            Console.WriteLine(Invariant($"{groups.Sum(g => g.Rules.Count)} rules in {groups.Count} groups: loaded and checked in {loadTime.TotalMilliseconds:0} ms"));
            Console.WriteLine(Invariant($"signals read by the rules computed once in {signalTime.TotalMilliseconds:0} ms"));
            Console.WriteLine(Invariant($"evaluation of all rules: median {median.TotalMilliseconds:0.0} ms over {Runs} runs ({median.TotalMilliseconds * 1000 / ruleCount:0} µs per rule); {outcomes.Sum(o => o.Active.Count)} active alerts"));
            Console.WriteLine(Invariant($"alert state applied in {applyTime.TotalMilliseconds:0} ms ({applied.States.Count} alerts, {applied.Notifications.Count} notifications), re-applied an hour later in {reapplyTime.TotalMilliseconds:0} ms"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Rules in the style of the default pack, with varied signals, functions, ranges and thresholds.</summary>
    internal static string GenerateRules(int count)
    {
        string[] shapes =
        [
            "review.stale_prs >= {0}",
            "change(ci.run_duration{{quantile=\"0.9\"}}, {1}w) > {2}% and delta(ci.run_duration{{quantile=\"0.9\"}}, {1}w) > {0}m",
            "avg_over(pr.cycle_time, {1}w) > {0}d",
            "review.reviews > {3} * median by (team) (review.reviews) and review.reviews >= {0}",
            "quantile_over(0.9, review.time_to_first_review, {1}w) > {0}h",
            "significant(pr.merged, {1}w)",
            "review.merged_without_review > {2}% and pr.merged >= {0}",
            "last(review.rounds) > baseline(review.rounds, {1}w) * (1 + {2}%)",
            "review.top_reviewer_share > {2}% or review.load_gini > 0.{0}",
            "abs(change(pr.merged, {1}w)) > {2}% and pr.merged >= {0}",
        ];
        var text = new StringBuilder("groups:\n");
        var perGroup = 50;
        for (var i = 0; i < count; i++)
        {
            if (i % perGroup == 0)
            {
                text.Append(Invariant($"  - name: generated{i / perGroup}\n    routing: {{ webhooks: [https://hooks.example.com/{i / perGroup}] }}\n    rules:\n"));
            }

            var expression = string.Format(CultureInfo.InvariantCulture, shapes[i % shapes.Length], 1 + (i % 9), 2 + (i % 7), 10 + (i % 50), 2 + (i % 3));
            text.Append(Invariant($"      - alert: Generated{i}\n        expr: '{expression}'\n        for: {i % 3}d\n        severity: {(i % 3 == 0 ? "info" : i % 3 == 1 ? "warning" : "critical")}\n"));
            text.Append("        annotations: { summary: \"{{ $labels.team }} at {{ $value | humanize }}\" }\n");
        }

        return text.ToString();
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
