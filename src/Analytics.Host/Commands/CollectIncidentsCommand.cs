using System.CommandLine;
using Analytics.Collectors.GitHub;
using Analytics.Collectors.Opsgenie;
using Analytics.Collectors.Statuspage;
using Analytics.Host.Cli;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics collect opsgenie|statuspage|github-incidents|incidents</c>: the incident sources. <c>incidents</c> runs
/// every configured incident source (Jira with incident issue types, PagerDuty, Opsgenie, Statuspage, GitHub issues with
/// the incident label) one after another; one that fails
/// is reported and the others still run (exit code 2 when any failed); one not configured is named with the reason.
/// </summary>
internal static class CollectIncidentsCommand
{
    /// <summary>The <c>--full-refresh</c> option of the sources that can remove records deleted upstream.</summary>
    public static Option<bool> FullRefreshOption() =>
        new("--full-refresh") { Description = "Read everything again (ignore the cursor) and remove records the source no longer has." };

    public static Command CreateOpsgenie(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var fullRefresh = FullRefreshOption();
        var command = new Command("opsgenie", "Read Opsgenie incidents (and alerts, when configured) with their acknowledge and close times (settings section Opsgenie).") { json, fullRefresh };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            await PrintAsync(session, await RunOpsgenieAsync(session, session.Parse.GetValue(fullRefresh), cancellationToken), session.Parse.GetValue(json));
            return ExitCode.Ok;
        });
        return command;
    }

    public static Command CreateStatuspage(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var fullRefresh = FullRefreshOption();
        var command = new Command("statuspage", "Read Statuspage incidents with their identified and resolved times (settings section Statuspage).") { json, fullRefresh };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            await PrintAsync(session, await RunStatuspageAsync(session, session.Parse.GetValue(fullRefresh), cancellationToken), session.Parse.GetValue(json));
            return ExitCode.Ok;
        });
        return command;
    }

    public static Command CreateGitHubIncidents(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var fullRefresh = FullRefreshOption();
        var command = new Command("github-incidents", "Read GitHub issues carrying the incident label (GitHub:IncidentLabel) as incidents.") { json, fullRefresh };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            await PrintAsync(session, await RunGitHubIncidentsAsync(session, session.Parse.GetValue(fullRefresh), cancellationToken), session.Parse.GetValue(json));
            return ExitCode.Ok;
        });
        return command;
    }

    public static Command CreateIncidents(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var fullRefresh = FullRefreshOption();
        var command = new Command("incidents", "Run every configured incident source: Jira incident types, PagerDuty, Opsgenie, Statuspage, GitHub incident issues.") { json, fullRefresh };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var full = session.Parse.GetValue(fullRefresh);
            var sources = new (string Name, string? NotConfigured, Func<Task<SourceRun>> Run)[]
            {
                ("jira", JiraNotConfigured(session), () => CollectCommand.RunJiraAsync(session, full, cancellationToken)),
                ("pagerduty", VariableUnset(session, session.Settings.PagerDuty.TokenVariable, "PagerDuty:TokenVariable"), () => CollectCommand.RunPagerDutyAsync(session, cancellationToken)),
                ("opsgenie", VariableUnset(session, session.Settings.Opsgenie.KeyVariable, "Opsgenie:KeyVariable"), () => RunOpsgenieAsync(session, full, cancellationToken)),
                ("statuspage", session.Settings.Statuspage.PageIds.Count == 0 ? "Statuspage:PageIds is empty" : null, () => RunStatuspageAsync(session, full, cancellationToken)),
                ("github", GitHubIncidentsNotConfigured(session), () => RunGitHubIncidentsAsync(session, full, cancellationToken)),
            };
            var report = new Dictionary<string, object>(StringComparer.Ordinal);
            var failed = 0;
            foreach (var (name, notConfigured, run) in sources)
            {
                if (notConfigured is not null)
                {
                    report[name] = new { skipped = notConfigured };
                    if (!session.Parse.GetValue(json))
                    {
                        session.Output.WriteLine($"{name}: skipped ({notConfigured})");
                    }

                    continue;
                }

                try
                {
                    var result = await run();
                    report[name] = result.Result;
                    if (!session.Parse.GetValue(json))
                    {
                        await PrintAsync(session, result, false);
                    }
                }
                catch (UserErrorException e)
                {
                    // One failing source is reported; the others still run.
                    failed++;
                    report[name] = new { error = e.Message };
                    await session.Environment.Error.WriteLineAsync($"{name}: failed: {e.Message}");
                }
            }

            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, report);
            }

            if (sources.All(s => s.NotConfigured is not null))
            {
                throw new UserErrorException("no incident source is configured (see docs/configuration.md: Jira, PagerDuty, Opsgenie, Statuspage)");
            }

            return failed == 0 ? ExitCode.Ok : ExitCode.UserError;
        });
        return command;
    }

    /// <summary>Prints a run: its result as JSON, or its lines.</summary>
    internal static async Task PrintAsync(CommandSession session, SourceRun run, bool json)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, run.Result);
            return;
        }

        foreach (var line in run.Lines)
        {
            session.Output.WriteLine(line);
        }
    }

    /// <summary>Runs the Opsgenie sync the settings describe.</summary>
    /// <exception cref="UserErrorException">The key is missing, or Opsgenie refused or sent something unmappable.</exception>
    internal static async Task<SourceRun> RunOpsgenieAsync(CommandSession session, bool fullRefresh, CancellationToken cancellationToken)
    {
        var settings = session.Settings.Opsgenie;
        var baseUrl = settings.BaseUrl is { Length: > 0 } url ? new Uri(url)
            : string.Equals(settings.Region, "eu", StringComparison.OrdinalIgnoreCase) ? OpsgenieOptions.EuBaseUrl : OpsgenieOptions.UsBaseUrl;
        var options = new OpsgenieOptions
        {
            BaseUrl = baseUrl,
            Incidents = settings.Incidents,
            Alerts = settings.Alerts,
            IncidentQuery = settings.IncidentQuery,
            AlertQuery = settings.AlertQuery,
            ServiceTagPrefix = settings.ServiceTagPrefix,
            ServiceMap = settings.ServiceMap,
            DefaultService = settings.DefaultService,
            InitialLookback = TimeSpan.FromDays(settings.InitialLookbackDays),
        };
        var key = CollectCommand.Secret(session, settings.KeyVariable, "Opsgenie:KeyVariable");
        var store = await session.OpenStoreAsync(cancellationToken);
        using var http = new HttpClient();
        var sync = new OpsgenieSync(store, new OpsgenieClient(http, baseUrl, key, session.Environment.Time), options, session.Environment.Time);
        var results = await CollectCommand.FailAsUserErrorAsync(() => sync.SyncAsync(fullRefresh, cancellationToken));
        return new SourceRun("opsgenie", results, results.Select(r =>
            $"opsgenie {OpsgenieSync.Scope(r.Kind)}: {r.Read} read; {r.Changed} records new or changed" + (fullRefresh ? $"; {r.Removed} removed (gone upstream)" : "")).ToList());
    }

    /// <summary>Runs the Statuspage sync the settings describe.</summary>
    /// <exception cref="UserErrorException">No page is configured, the key is missing, or Statuspage refused or sent something unmappable.</exception>
    internal static async Task<SourceRun> RunStatuspageAsync(CommandSession session, bool fullRefresh, CancellationToken cancellationToken)
    {
        var settings = session.Settings.Statuspage;
        if (settings.PageIds.Count == 0)
        {
            throw new UserErrorException("Statuspage:PageIds is empty: nothing to collect");
        }

        var options = new StatuspageOptions
        {
            BaseUrl = new Uri(settings.BaseUrl),
            PageIds = settings.PageIds,
            ComponentMap = settings.ComponentMap,
            DefaultService = settings.DefaultService,
        };
        var key = CollectCommand.Secret(session, settings.KeyVariable, "Statuspage:KeyVariable");
        var store = await session.OpenStoreAsync(cancellationToken);
        using var http = new HttpClient();
        var client = new StatuspageClient(http, options.BaseUrl, key, session.Environment.Time, options.MinInterval);
        var results = await CollectCommand.FailAsUserErrorAsync(() => new StatuspageSync(store, client, options, session.Environment.Time).SyncAsync(fullRefresh, cancellationToken));
        return new SourceRun("statuspage", results, results.Select(r =>
            $"statuspage {r.PageId}: {r.Incidents} incidents read ({r.Maintenances} maintenances left out); {r.Changed} records new or changed"
            + (fullRefresh ? $"; {r.Removed} removed (gone upstream)" : "")).ToList());
    }

    /// <summary>Runs the GitHub incident-issue sync the settings describe.</summary>
    /// <exception cref="UserErrorException">The label, repositories or token are missing, or GitHub refused.</exception>
    internal static async Task<SourceRun> RunGitHubIncidentsAsync(CommandSession session, bool fullRefresh, CancellationToken cancellationToken)
    {
        var settings = session.Settings.GitHub;
        if (GitHubIncidentsNotConfigured(session) is { } missing)
        {
            throw new UserErrorException($"GitHub incidents: {missing}");
        }

        var options = new GitHubOptions
        {
            BaseUrl = new Uri(settings.BaseUrl),
            Token = CollectCommand.Secret(session, settings.TokenVariable, "GitHub:TokenVariable").Trim(),
            TokenVariable = settings.TokenVariable,
            Repositories = settings.Repositories,
            MaxConcurrentRequests = settings.MaxConcurrentRequests,
            MaxRetries = settings.MaxRetries,
            MaxRateLimitWait = settings.MaxRateLimitWait,
        };

        // A repository owned by a team that runs exactly one service affects that service, unless the settings say otherwise.
        var serviceMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in session.Teams.Teams.Where(t => t.Services.Count == 1))
        {
            foreach (var repository in team.Repositories)
            {
                serviceMap[repository] = team.Services[0];
            }
        }

        foreach (var (repository, service) in settings.IncidentServiceMap)
        {
            serviceMap[repository] = service;
        }

        var incidents = new GitHubIncidentOptions { Label = settings.IncidentLabel!, ServiceLabelPrefix = settings.IncidentServiceLabelPrefix, ServiceMap = serviceMap };
        var store = await session.OpenStoreAsync(cancellationToken);
        using var sync = new GitHubIncidentSync(store, options, incidents, session.Environment.Time);
        IReadOnlyList<GitHubIncidentSyncResult> results;
        try
        {
            results = await CollectCommand.FailAsUserErrorAsync(() => sync.SyncAsync(fullRefresh, cancellationToken));
        }
        catch (GitHubApiException e)
        {
            throw new UserErrorException(e.Message);
        }

        return new SourceRun("github", results, results.Select(r =>
            $"github {r.Repository}: {r.Incidents} incident issues read; {r.Changed} records new or changed" + (fullRefresh ? $"; {r.Removed} removed (gone upstream or unlabelled)" : "")).ToList());
    }

    private static string? GitHubIncidentsNotConfigured(CommandSession session)
    {
        var github = session.Settings.GitHub;
        return string.IsNullOrWhiteSpace(github.IncidentLabel) ? "GitHub:IncidentLabel is not set"
            : github.Repositories.Count == 0 ? "GitHub:Repositories is empty"
            : VariableUnset(session, github.TokenVariable, "GitHub:TokenVariable");
    }

    private static string? JiraNotConfigured(CommandSession session)
    {
        var jira = session.Settings.Jira;
        return string.IsNullOrWhiteSpace(jira.BaseUrl) ? "Jira:BaseUrl is not set"
            : jira.IncidentIssueTypes.Count == 0 ? "Jira:IncidentIssueTypes is empty"
            : null;
    }

    private static string? VariableUnset(CommandSession session, string variable, string key) =>
        session.Environment.Variables[variable] is string { Length: > 0 } ? null : $"the environment variable {variable} ({key}) is not set";
}
