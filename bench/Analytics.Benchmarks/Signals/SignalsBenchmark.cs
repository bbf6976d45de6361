using System.Diagnostics;
using System.Globalization;
using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals;
using Analytics.Signals.Series;
using Analytics.Storage;

namespace Analytics.Benchmarks.Signals;

/// <summary>
/// Whole-process timings of every catalogued signal over a year of the simulated organisation at a given activity scale,
/// in a temporary SQLite store, at weekly windows: each signal computed once cold and then <c>--runs</c> times, median
/// reported, slowest first. The simulated organisation has a fixed 26 people in four teams; <c>--scale</c> multiplies
/// their activity, so scale 10 carries the pull requests, CI runs and incidents of a few hundred people.
/// Usage: <c>dotnet run -c Release --project bench/Analytics.Benchmarks -- signals [--scale 10] [--runs 3] [--signals a,b]</c>.
/// </summary>
public static class SignalsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scale = double.Parse(Option(args, "--scale") ?? "10", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var only = Option(args, "--signals")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var end = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        var directory = Directory.CreateTempSubdirectory("analytics-bench-signals-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = end, Days = 365, Scale = scale });
            await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, "bench.db")), TimeProvider.System, default);
            await SimulatedOrganisationWriter.WriteAsync(store, organisation, null, default);
            Console.WriteLine(Invariant($"organisation at scale {scale}: {organisation.Teams.Sum(t => t.Members.Count)} people in {organisation.Teams.Count} teams, {organisation.PullRequests.Count} pull requests, {organisation.Commits.Count} commits, {organisation.WorkflowRuns.Count} CI runs, {organisation.CiJobs.Count} jobs, {organisation.TestResults.Count} test results, {organisation.Incidents.Count} incidents, {organisation.Tickets.Count} tickets; simulated and stored in {clock.Elapsed.TotalSeconds:0.0} s"));

            var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
            var request = new SignalRequest(store, organisation.Teams, people, end.AddDays(-365), end, Granularity.Week);
            var signals = SignalCatalog.All.Where(s => only is null || only.Contains(s.Name, StringComparer.Ordinal)).ToList();
            var rows = new List<(string Name, TimeSpan Cold, TimeSpan Median, int Series)>();
            foreach (var signal in signals)
            {
                clock.Restart();
                var series = await signal.ComputeAsync(request, default);
                var cold = clock.Elapsed;
                var times = new List<TimeSpan>();
                for (var run = 0; run < runs; run++)
                {
                    clock.Restart();
                    await signal.ComputeAsync(request, default);
                    times.Add(clock.Elapsed);
                }

                rows.Add((signal.Name, cold, times.Order().ElementAt(times.Count / 2), series.Count));
                await Console.Error.WriteLineAsync(Invariant($"{signal.Name}: {times.Order().ElementAt(times.Count / 2).TotalMilliseconds:0} ms"));
            }

            Console.WriteLine(Invariant($"{signals.Count} signals over 52 weekly windows, median of {runs} runs after a cold one:"));
            Console.WriteLine("| signal | median | cold | series |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var row in rows.OrderByDescending(r => r.Median))
            {
                Console.WriteLine(Invariant($"| `{row.Name}` | {row.Median.TotalMilliseconds:0} ms | {row.Cold.TotalMilliseconds:0} ms | {row.Series} |"));
            }

            Console.WriteLine(Invariant($"all signals: {rows.Sum(r => r.Median.TotalSeconds):0.0} s (medians summed)"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
