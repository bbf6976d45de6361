using System.CommandLine;
using Analytics.Collectors.Git;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Jira;
using Analytics.Collectors.PagerDuty;
using Analytics.Collectors.GitHub;
using Analytics.Host.Cli;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary><c>analytics collect &lt;source&gt;</c>: pulls data from a source into the store, incrementally.</summary>
internal static class CollectCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("collect", "Collect data from a source into the store (incremental).");
        command.Subcommands.Add(CreateGit(runner));
        command.Subcommands.Add(CreateJira(runner));
        command.Subcommands.Add(CreatePagerDuty(runner));
        command.Subcommands.Add(CreateGitHub(runner));
        command.Subcommands.Add(CollectIncidentsCommand.CreateOpsgenie(runner));
        command.Subcommands.Add(CollectIncidentsCommand.CreateStatuspage(runner));
        command.Subcommands.Add(CollectIncidentsCommand.CreateGitHubIncidents(runner));
        command.Subcommands.Add(CollectIncidentsCommand.CreateIncidents(runner));
        return command;
    }

    private static Command CreateGit(CommandRunner runner)
    {
        var paths = new Argument<string[]>("paths") { Description = "Local clones to read (their top folders).", Arity = ArgumentArity.OneOrMore };
        var json = GlobalOptions.Json();
        var command = new Command("git", "Read the history of local git clones (no network, no token).") { paths, json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var store = await session.OpenStoreAsync(cancellationToken);
            var sync = new GitHistorySync(store, new GitHistoryReader());
            var results = new List<GitSyncResult>();
            foreach (var path in session.Parse.GetValue(paths)!)
            {
                await session.WithProgressAsync(async report =>
                {
                    results.Add(await sync.SyncAsync(session.Environment.PathOf(path), new Progress<int>(n => report($"{path}: commits", n, n)), cancellationToken));
                });
            }

            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, results);
            }
            else
            {
                foreach (var r in results)
                {
                    session.Output.WriteLine(r.Commits == 0
                        ? $"{r.Repository}: up to date at {r.Head?[..Math.Min(12, r.Head.Length)] ?? "(no commits)"}"
                        : $"{r.Repository}: {r.Commits} commits read{(r.FullRead ? " (full history)" : "")}, {r.Changed} records new or changed, now at {r.Head![..12]}");
                }
            }

            return ExitCode.Ok;
        });
        return command;
    }

    private static Command CreateJira(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var fullRefresh = CollectIncidentsCommand.FullRefreshOption();
        var command = new Command("jira", "Read Jira Cloud or Data Center issues, their status history and incident-type issues (settings section Jira).") { json, fullRefresh };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var run = await RunJiraAsync(session, session.Parse.GetValue(fullRefresh), cancellationToken);
            await CollectIncidentsCommand.PrintAsync(session, run, session.Parse.GetValue(json));
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Runs the Jira sync the settings describe.</summary>
    /// <exception cref="UserErrorException">A setting is missing, or Jira refused or sent something unmappable.</exception>
    internal static async Task<SourceRun> RunJiraAsync(CommandSession session, bool fullRefresh, CancellationToken cancellationToken)
    {
        var settings = session.Settings.Jira;
        var baseUrl = settings.BaseUrl is { Length: > 0 } url ? new Uri(url) : throw new UserErrorException("Jira:BaseUrl is not set (the site, such as https://acme.atlassian.net)");
        if (settings.Projects.Count == 0 && settings.Jql.Count == 0)
        {
            throw new UserErrorException("neither Jira:Projects nor Jira:Jql is set: nothing to collect");
        }

        var flavor = string.Equals(settings.Flavor, "datacenter", StringComparison.OrdinalIgnoreCase) ? JiraFlavor.DataCenter : JiraFlavor.Cloud;
        var options = new JiraOptions
        {
            Flavor = flavor,
            BaseUrl = baseUrl,
            Projects = settings.Projects,
            Jql = settings.Jql,
            StoryPointsField = settings.StoryPointsField,
            SprintField = settings.SprintField,
            IncidentIssueTypes = settings.IncidentIssueTypes,
            IncidentServiceField = settings.IncidentServiceField,
            IncidentDeploymentField = settings.IncidentDeploymentField,
            PageSize = settings.PageSize,
        };

        // Data Center needs no e-mail: the personal access token is a bearer token.
        var email = flavor == JiraFlavor.Cloud ? Secret(session, settings.EmailVariable, "Jira:EmailVariable") : null;
        var token = Secret(session, settings.TokenVariable, "Jira:TokenVariable");
        var store = await session.OpenStoreAsync(cancellationToken);
        using var http = new HttpClient();
        var client = email is null
            ? JiraClient.ForDataCenter(http, baseUrl, token, session.Environment.Time)
            : new JiraClient(http, baseUrl, email, token, session.Environment.Time);
        var sync = new JiraSync(store, client, options, session.Environment.Time);
        var results = await FailAsUserErrorAsync(() => sync.SyncAsync(fullRefresh, cancellationToken));
        return new SourceRun("jira", results, results.Select(r =>
            $"{r.Scope}: {r.Issues} issues, {r.Transitions} transitions, {r.Incidents} incidents read; {r.Changed} records new or changed"
            + (fullRefresh ? $"; {r.Removed} removed (gone upstream)" : "")).ToList());
    }

    private static Command CreatePagerDuty(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var command = new Command("pagerduty", "Read PagerDuty incidents with their acknowledge and resolve times (settings section PagerDuty).") { json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            await CollectIncidentsCommand.PrintAsync(session, await RunPagerDutyAsync(session, cancellationToken), session.Parse.GetValue(json));
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Runs the PagerDuty sync the settings describe.</summary>
    /// <exception cref="UserErrorException">The token is missing, or PagerDuty refused or sent something unmappable.</exception>
    internal static async Task<SourceRun> RunPagerDutyAsync(CommandSession session, CancellationToken cancellationToken)
    {
        var settings = session.Settings.PagerDuty;
        var baseUrl = settings.BaseUrl is { Length: > 0 } url ? new Uri(url)
            : string.Equals(settings.Region, "eu", StringComparison.OrdinalIgnoreCase) ? PagerDutyOptions.EuBaseUrl : PagerDutyOptions.UsBaseUrl;
        var options = new PagerDutyOptions
        {
            BaseUrl = baseUrl,
            ServiceIds = settings.ServiceIds,
            ServiceMap = settings.ServiceMap,
            InitialLookback = TimeSpan.FromDays(settings.InitialLookbackDays),
        };
        var token = Secret(session, settings.TokenVariable, "PagerDuty:TokenVariable");
        var store = await session.OpenStoreAsync(cancellationToken);
        using var http = new HttpClient();
        var sync = new PagerDutySync(store, new PagerDutyClient(http, baseUrl, token, session.Environment.Time), options, session.Environment.Time);
        var result = await FailAsUserErrorAsync(() => sync.SyncAsync(cancellationToken));
        return new SourceRun("pagerduty", result, [$"pagerduty: {result.Incidents} incidents read ({result.Windows} windows); {result.Changed} records new or changed"]);
    }

    /// <summary>A credential from the environment variable the settings name; its value is never printed.</summary>
    internal static string Secret(CommandSession session, string variable, string key) =>
        session.Environment.Variables[variable] is string { Length: > 0 } value
            ? value
            : throw new UserErrorException($"the environment variable {variable} (named by {key}) is not set");

    /// <summary>A source that refuses, keeps failing or sends unmappable data is reported as one line, not as a bug.</summary>
    internal static async Task<T> FailAsUserErrorAsync<T>(Func<Task<T>> sync)
    {
        try
        {
            return await sync();
        }
        catch (Exception e) when (e is ApiCallException or SourceDataException)
        {
            throw new UserErrorException(e.Message);
        }
    }
    private static Command CreateGitHub(CommandRunner runner)
    {
        var repositories = new Option<string[]>("--repository") { Description = "Collect only these repositories (owner/name, repeatable) instead of the configured ones." };
        var json = GlobalOptions.Json();
        var since = new Option<DateTimeOffset?>("--since") { Description = "Read nothing updated (pull requests) or created (runs, deployments) before this date (ISO 8601); overrides GitHub:Since." };
        var backfill = new Option<bool>("--backfill") { Description = "Read pull requests back to --since even where earlier runs stopped, committing page by page; a stopped backfill resumes." };
        var fullRefresh = new Option<bool>("--full-refresh") { Description = "Read every pull request and run from --since (or all) again and delete those GitHub no longer lists." };
        var command = new Command("github", "Collect pull requests, reviews, commits, files, Actions runs, test-report artifacts and deployments from GitHub (incremental).") { repositories, since, backfill, fullRefresh, json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var settings = session.Settings.GitHub;
            var chosen = session.Parse.GetValue(repositories) ?? [];
            var options = new GitHubOptions
            {
                BaseUrl = new Uri(settings.BaseUrl),
                TokenVariable = settings.TokenVariable,
                Repositories = chosen.Length > 0 ? chosen : settings.Repositories,
                Organisations = chosen.Length > 0 ? [] : settings.Organisations,
                Include = settings.Include,
                Exclude = settings.Exclude,
                MaxConcurrentRequests = settings.MaxConcurrentRequests,
                MaxRetries = settings.MaxRetries,
                MaxRateLimitWait = settings.MaxRateLimitWait,
                Lookback = settings.Lookback,
                GraphQL = settings.GraphQL,
                GraphQLPageSize = settings.GraphQLPageSize,
                RenameOrigins = settings.RenameOrigins,
                Since = session.Parse.GetValue(since) ?? settings.Since,
                Backfill = session.Parse.GetValue(backfill),
                FullRefresh = session.Parse.GetValue(fullRefresh),
                ArtifactPatterns = settings.ArtifactPatterns,
                MaxArtifactBytes = settings.MaxArtifactBytes,
                MaxArtifactExtractedBytes = settings.MaxArtifactExtractedBytes,
                MaxArtifactEntries = settings.MaxArtifactEntries,
            };
            options = GitHubCredentialsLoader.Apply(options, settings, session.Environment);
            if (options.Backfill && options.Since is null)
            {
                throw new UserErrorException("GitHub: --backfill needs a start date: pass --since YYYY-MM-DD or set GitHub:Since");
            }

            if (options.Repositories.Count == 0 && options.Organisations.Count == 0)
            {
                throw new UserErrorException("GitHub: nothing to collect; set GitHub:Repositories or GitHub:Organisations, or pass --repository owner/name");
            }

            var store = await session.OpenStoreAsync(cancellationToken);
            using var sync = new GitHubSync(store, options, session.Environment.Time);
            GitHubSyncReport report = null!;
            await session.WithProgressAsync(async progress =>
            {
                var done = 0;
                report = await sync.SyncAsync(new Progress<string>(name => progress($"github: {name}", done++, done)), cancellationToken);
            });

            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, report);
            }
            else
            {
                foreach (var r in report.Repositories.Where(r => r.Status == GitHubRepositoryStatus.Synced))
                {
                    var renamed = r.RenamedTo is null ? "" : $" (renamed to {r.RenamedTo})";
                    session.Output.WriteLine($"{r.Repository}{renamed}: {r.PullRequests} pull requests, {r.WorkflowRuns} run attempts, {r.Jobs} jobs, {r.Deployments} deployments read; {r.Changed} records new or changed{(r.TestReports > 0 ? $"; {r.TestReports} test reports from artifacts" : "")}{(options.FullRefresh ? $"; {r.Removed} pull requests and runs removed as deleted upstream" : "")}");
                }

                session.Output.WriteLine($"{report.Requests} requests, {report.NotModified} answered 304 (free){(report.GraphQLQueries > 0 ? $"; {report.GraphQLQueries} of them GraphQL queries costing {report.GraphQLCost} points" : "")}");
            }

            foreach (var warning in report.Repositories.SelectMany(r => r.Warnings))
            {
                await session.Environment.Error.WriteLineAsync($"warning: {warning}");
            }

            foreach (var r in report.Repositories.Where(r => r.Status != GitHubRepositoryStatus.Synced))
            {
                await session.Environment.Error.WriteLineAsync($"{r.Repository}: {(r.Status == GitHubRepositoryStatus.Failed ? "failed" : "skipped")}: {r.Message}");
            }

            return report.Succeeded ? ExitCode.Ok : ExitCode.UserError;
        });
        return command;
    }
}
