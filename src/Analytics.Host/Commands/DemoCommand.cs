using System.CommandLine;
using System.Text;
using Analytics.Collectors.Git;
using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Host.Cli;
using Analytics.Rules.Files;
using Analytics.Host.Configuration;
using Analytics.Reports.Quarterly;
using Analytics.Reports.Weekly;
using Analytics.Storage.Schema;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics demo</c>: with no network, token or server, generates a simulated organisation (seeded, deterministic
/// for a given seed and day), adds the current directory's git history when it is a clone, stores everything, computes
/// the signals and writes the weekly reports.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CommandRunner runner)
    {
        var output = new Option<string>("--output", "-o") { Description = "The folder for the demo's store, teams file and reports.", DefaultValueFactory = _ => "analytics-demo" };
        var seed = new Option<int>("--seed") { Description = "The simulation's seed: the same seed on the same day gives the same organisation.", DefaultValueFactory = _ => 42 };
        var days = new Option<int>("--days") { Description = "Days of history to simulate (60 to 3650).", DefaultValueFactory = _ => 365 };
        var scale = new Option<double>("--scale") { Description = "Activity multiplier: 2 simulates twice the pull requests, runs and tickets.", DefaultValueFactory = _ => 1.0 };
        var noGit = new Option<bool>("--no-git") { Description = "Do not add the current directory's git history." };
        var json = GlobalOptions.Json();
        var command = new Command("demo", "Simulate an organisation, store it, compute signals and write the weekly reports. No network, token or server needed.")
        {
            output, seed, days, scale, noGit, json,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var folder = session.Environment.PathOf(session.Parse.GetValue(output)!);
            Directory.CreateDirectory(folder);
            var options = new SimulationOptions
            {
                Seed = session.Parse.GetValue(seed),
                // Anchored at midnight UTC so that running the demo again the same day reproduces the same records.
                End = new DateTimeOffset(session.Environment.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero),
                Days = session.Parse.GetValue(days),
                Scale = session.Parse.GetValue(scale),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException(e.Message);
            }

            var store = await session.OpenStoreAsync(cancellationToken, fallbackLocation: Path.Combine(folder, "analytics.db"));
            var organisation = OrganisationSimulator.Generate(options);
            await session.WithProgressAsync(report => SimulatedOrganisationWriter.WriteAsync(
                store,
                organisation,
                new Progress<(string Entity, int Written, int Total)>(p => report(p.Entity, p.Written, p.Total)),
                cancellationToken));

            var git = session.Parse.GetValue(noGit) ? null : await AddLocalHistoryAsync(session, store, cancellationToken);
            var teams = new TeamsConfiguration(organisation.Teams, organisation.Facts.Bots);
            await File.WriteAllTextAsync(Path.Combine(folder, "teams.yaml"), TeamsFile.Write(teams), new UTF8Encoding(false), cancellationToken);

            var identities = new List<Identity>();
            await foreach (var identity in store.ReadAsync(Entities.Identities, null, cancellationToken))
            {
                identities.Add(identity);
            }

            var people = IdentityResolver.Resolve(identities, teams.Members, teams.Bots);
            var rules = await EvaluateRulesAsync(session, teams, people, cancellationToken);
            var reportFolder = Path.Combine(folder, "report");
            Directory.CreateDirectory(reportFolder);
            // Each team's page, its weekly e-mail, and the alert messages the rules' evaluations left in the outbox.
            var composer = new Reporting.ReportComposer(store, teams, people, rules, session.Environment.Time);
            var pages = new List<(WeeklyReport Report, string File)>();
            foreach (var weekly in await composer.WeeklyAsync(teams.Teams, null, cancellationToken))
            {
                var file = $"weekly-{weekly.Team.Id}.html";
                await WriteAtomicallyAsync(Path.Combine(reportFolder, file), WeeklyReportPage.Render(weekly.Report), cancellationToken);
                await Reporting.ReportFiles.WriteWeeklyAsync(reportFolder, weekly, cancellationToken);
                pages.Add((weekly.Report, file));
            }

            foreach (var message in await composer.AlertsAsync(null, null, cancellationToken))
            {
                await Reporting.ReportFiles.WriteAlertAsync(Path.Combine(reportFolder, "alerts"), message, cancellationToken);
            }

            var index = Path.Combine(reportFolder, "index.html");
            await WriteAtomicallyAsync(index, ReportIndexPage.Render("Weekly team health", pages), cancellationToken);
            var quarterly = await WriteQuarterlyAsync(store, people, teams.Teams, session.Environment.Time, reportFolder, cancellationToken);
            await PrintAsync(session, session.Parse.GetValue(json), store.Description, folder, index, organisation, git, people);
            if (!session.Parse.GetValue(json))
            {
                await session.Environment.Out.WriteLineAsync($"Quarterly: {quarterly.Count} operational-maturity reviews (HTML and PDF), such as {quarterly[^1].Pdf}");
            }
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>
    /// Replays the rule pack in <c>rules/</c> (when the working directory has one, as a clone of this repository does)
    /// once a week over the last four weeks and now, so alerts go through pending to firing as they would have on a
    /// weekly schedule, and the reports show risks and alert messages. Without a rule pack the demo has no alerts.
    /// </summary>
    private static async Task<RuleSet?> EvaluateRulesAsync(CommandSession session, TeamsConfiguration teams, PersonDirectory people, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(session.Environment.PathOf(RulesCommand.DefaultPath)))
        {
            return null;
        }

        var rules = RulesCommand.Load(session, null);
        if (rules.HasErrors)
        {
            await session.Environment.Error.WriteLineAsync($"warning: {RulesCommand.DefaultPath}/ has errors (see 'analytics rules check'); the demo evaluates no rules");
            return null;
        }

        var now = session.Environment.Time.GetUtcNow();
        for (var weeksAgo = ReplayedWeeks; weeksAgo >= 0; weeksAgo--)
        {
            await EvaluateCommand.EvaluateAtAsync(session, rules, teams.Teams, people, now.AddDays(-7 * weeksAgo), cancellationToken);
        }

        return rules;
    }

    /// <summary>How many weekly evaluations before now the demo replays: enough for every default rule's <c>for</c>.</summary>
    private const int ReplayedWeeks = 4;

    /// <summary>The last complete quarter's operational-maturity reviews of every team and the organisation.</summary>
    private static async Task<IReadOnlyList<(string Html, string Pdf)>> WriteQuarterlyAsync(
        Storage.IStore store, PersonDirectory people, IReadOnlyList<Team> teams, TimeProvider time, string folder, CancellationToken cancellationToken)
    {
        var organisation = QuarterlyReviewBuilder.Organisation(teams, ReportQuarterlyCommand.OrganisationName);
        var quarter = QuarterPeriod.LastComplete(time.GetUtcNow(), organisation.TimeZone);
        var reviews = await new QuarterlyReviewBuilder(store, people, MaturityModel.Default, time).BuildAllAsync(teams, organisation.Name, quarter, cancellationToken);
        return await ReportQuarterlyCommand.WriteAsync(reviews, folder, cancellationToken);
    }

    private static async Task<GitSyncResult?> AddLocalHistoryAsync(CommandSession session, Storage.IStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await new GitHistorySync(store, new GitHistoryReader()).SyncAsync(session.Environment.WorkingDirectory, null, cancellationToken);
        }
        catch (NotAGitRepositoryException)
        {
            return null; // Not a clone: the demo simply has no local history.
        }
        catch (GitException e)
        {
            await session.Environment.Error.WriteLineAsync($"warning: the local git history was not added: {e.Message}");
            return null;
        }
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path + ".partial", content, new UTF8Encoding(false), cancellationToken);
        File.Move(path + ".partial", path, overwrite: true);
    }

    private static async Task PrintAsync(
        CommandSession session,
        bool json,
        string store,
        string folder,
        string index,
        SimulatedOrganisation organisation,
        GitSyncResult? git,
        PersonDirectory people)
    {
        var counts = SimulatedOrganisationWriter.RecordsByEntity(organisation).ToDictionary(e => e.Map.Name, e => e.Records.Count);
        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, new
            {
                store,
                folder,
                report = index,
                teams = organisation.Teams.Select(t => t.Id),
                people = people.People.Count(p => !p.IsBot),
                bots = people.People.Count(p => p.IsBot),
                records = counts,
                localGit = git,
            });
            return;
        }

        var o = session.Environment.Out;
        await o.WriteLineAsync($"Simulated {organisation.Teams.Count} teams, {people.People.Count(p => !p.IsBot)} people and {people.People.Count(p => p.IsBot)} bots over {organisation.Options.Days} days:");
        await o.WriteLineAsync("  " + string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Value:N0} {c.Key}")));
        if (git is not null)
        {
            await o.WriteLineAsync($"Added the local git history of {git.Repository}: {git.Commits:N0} new commits.");
        }

        await o.WriteLineAsync($"Store:   {store}");
        await o.WriteLineAsync($"Teams:   {Path.Combine(folder, "teams.yaml")}");
        await o.WriteLineAsync($"Report:  {index}");
        await o.WriteLineAsync($"Next:    open the report in a browser, or try 'analytics signals --store {Path.Combine(folder, "analytics.db")} --teams {Path.Combine(folder, "teams.yaml")}'");
    }
}
