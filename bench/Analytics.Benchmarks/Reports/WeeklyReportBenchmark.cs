using System.Diagnostics;
using System.Globalization;
using Analytics.Collectors.Simulation;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Delivery;
using Analytics.Reports.Weekly;
using Analytics.Storage;

namespace Analytics.Benchmarks.Reports;

/// <summary>
/// Whole-process timings of the weekly reports of 50 teams: the simulated organisation (one year) in a temporary SQLite
/// store, 50 teams each owning the repositories and services of one of the four simulated teams (so every team has a
/// realistic amount of data), each team's report built from the store, then rendered as the standalone page (inline
/// SVG) and as the e-mail (charts and sparklines rasterised to PNG, text part, safety check). Rendering is timed over
/// <see cref="Runs"/> runs and the median quoted.
/// Usage: <c>dotnet run -c Release --project bench/Analytics.Benchmarks -- weekly [--teams 50] [--scale 1]</c>.
/// </summary>
public static class WeeklyReportBenchmark
{
    private const int Runs = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var teamCount = (int)Option(args, "--teams", 50);
        var scale = Option(args, "--scale", 1.0);
        var end = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        var time = new FixedTime(end.AddHours(9));
        var directory = Directory.CreateTempSubdirectory("analytics-bench-weekly-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = end, Days = 365, Scale = scale });
            await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, "bench.db")), time, default);
            await SimulatedOrganisationWriter.WriteAsync(store, organisation, null, default);
            Console.WriteLine(Invariant($"organisation at scale {scale}: {organisation.Teams.Count} teams, {organisation.PullRequests.Count} pull requests, {organisation.WorkflowRuns.Count} CI runs; simulated and stored in {clock.Elapsed.TotalSeconds:0.0} s"));

            var teams = Enumerable.Range(0, teamCount).Select(i =>
            {
                var model = organisation.Teams[i % organisation.Teams.Count];
                return model with { Id = Invariant($"{model.Id}-{i:00}"), Name = Invariant($"{model.Name} {i:00}") };
            }).ToList();
            var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
            var builder = new WeeklyReportBuilder(store, people, time);
            var goals = new WeeklyReportOptions
            {
                Goals = [new TeamGoal("pr.cycle_time", GoalComparison.Below, 172_800, "< 2d"), new TeamGoal("ci.run_duration.p90", GoalComparison.Below, 900, "< 15m")],
            };

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var reports = new List<WeeklyReport>();
            foreach (var team in teams)
            {
                reports.Add(await builder.BuildAsync(team, goals, default));
            }

            var buildTime = clock.Elapsed;
            var buildCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var pageTimes = new List<TimeSpan>();
            var emailTimes = new List<TimeSpan>();
            var emailCpu = new List<TimeSpan>();
            long pageBytes = 0, emailBytes = 0, images = 0;
            for (var run = 0; run < Runs; run++)
            {
                clock.Restart();
                pageBytes = reports.Sum(r => (long)WeeklyReportPage.Render(r).Length);
                pageTimes.Add(clock.Elapsed);

                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
                var emails = reports.Select(WeeklyReportEmail.Render).ToList();
                emailTimes.Add(clock.Elapsed);
                emailCpu.Add(Process.GetCurrentProcess().TotalProcessorTime - cpu);
                images = emails.Sum(e => e.InlineImages.Count);
                emailBytes = emails.Sum(e => (long)e.HtmlBody.Length + e.TextBody.Length + e.InlineImages.Sum(i => i.Content.Length));
                if (emails.Any(e => EmailSafety.Check(e).Count > 0))
                {
                    Console.Error.WriteLine("an e-mail failed the safety check");
                    return 1;
                }
            }

            var page = pageTimes.Order().ElementAt(Runs / 2);
            var email = emailTimes.Order().ElementAt(Runs / 2);
            Console.WriteLine(Invariant($"{teamCount} teams' reports built from the store in {buildTime.TotalSeconds:0.0} s ({buildTime.TotalMilliseconds / teamCount:0} ms per team; CPU {(buildCpu - cpuBefore).TotalSeconds:0.0} s)"));
            Console.WriteLine(Invariant($"standalone pages (inline SVG): median {page.TotalMilliseconds:0} ms for {teamCount} ({page.TotalMilliseconds / teamCount:0.0} ms per team), {pageBytes / 1024.0 / teamCount:0} KiB per page"));
            Console.WriteLine(Invariant($"e-mails (HTML + text + {images / teamCount} PNGs each, safety-checked): median {email.TotalSeconds:0.00} s for {teamCount} ({email.TotalMilliseconds / teamCount:0} ms per team; CPU {emailCpu.Order().ElementAt(Runs / 2).TotalSeconds:0.00} s), {emailBytes / 1024.0 / teamCount:0} KiB per e-mail"));
            Console.WriteLine(Invariant($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Monday 16 Nov 2026 09:00 UTC for every report, so runs on different days measure the same weeks.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
