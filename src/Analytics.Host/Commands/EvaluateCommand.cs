using System.CommandLine;
using Analytics.Domain.Alerts;
using Analytics.Host.Cli;
using Analytics.Rules.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Series;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics evaluate [--json] [--fail-on severity]</c>: evaluates every rule now against signals computed from the
/// store, advances the stored alert state (one locked transaction, so several nodes agree), queues notifications in
/// the outbox, and prints the pending and firing alerts. Exit codes: 0 ok; 1 a firing alert at or above
/// <c>--fail-on</c>; 2 a rule file or rule could not be loaded or evaluated (the others still were).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var rulesPath = new Option<string?>("--rules") { Description = "A rule file or folder (default: rules)." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with 1 when an alert of this severity or worse is firing: info, warning or critical." };
        failOn.AcceptOnlyFromAmong("info", "warning", "critical");
        var json = GlobalOptions.Json();
        var command = new Command("evaluate", "Evaluate all rules now, update alert state and the notification outbox, print the alerts.") { rulesPath, failOn, json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var rules = RulesCommand.Load(session, session.Parse.GetValue(rulesPath));
            foreach (var diagnostic in rules.Diagnostics)
            {
                await session.Environment.Error.WriteLineAsync(RulesCommand.Relative(session, diagnostic).ToString());
            }

            var teams = session.Teams.Teams;
            if (teams.Count == 0)
            {
                throw new UserErrorException("no teams: signals are computed per team; declare teams in config/teams.yaml or pass --teams (see docs/configuration.md)");
            }

            var at = session.Environment.Time.GetUtcNow();
            var (outcomes, result) = await EvaluateAtAsync(session, rules, teams, await session.ResolvePeopleAsync(cancellationToken), at, cancellationToken);
            var active = result.States
                .Where(s => s.Status is AlertStatus.Pending or AlertStatus.Firing)
                .OrderByDescending(s => s.Severity).ThenBy(s => s.Rule, StringComparer.Ordinal).ThenBy(s => s.Labels, StringComparer.Ordinal)
                .ToList();
            await PrintAsync(session, active, result, session.Parse.GetValue(json));

            if (rules.HasErrors || outcomes.Any(o => o.Error is not null))
            {
                return ExitCode.UserError;
            }

            var threshold = session.Parse.GetValue(failOn) is { } name ? Enum.Parse<AlertSeverity>(name, ignoreCase: true) : (AlertSeverity?)null;
            return threshold is { } t && active.Any(s => s.Status == AlertStatus.Firing && s.Severity >= t) ? ExitCode.Findings : ExitCode.Ok;
        });
        return command;
    }

    /// <summary>
    /// Evaluates every rule as of <paramref name="at"/> over the store of the session and applies the outcomes to the
    /// stored alert state and notification outbox; a rule that cannot be evaluated is reported on standard error.
    /// </summary>
    internal static async Task<(IReadOnlyList<RuleOutcome> Outcomes, LifecycleResult Result)> EvaluateAtAsync(
        CommandSession session, RuleSet rules, IReadOnlyList<Domain.People.Team> teams, Domain.People.PersonDirectory people, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var store = await session.OpenStoreAsync(cancellationToken);
        var request = new SignalRequest(store, teams, people, PeriodStart(rules, at), at, Granularity.Week)
        {
            AttributionWindow = session.Settings.Attribution.Window,
            RunnerPrices = session.Settings.CiCost.ToPrices(),
        };
        // Through the signal cache: a re-evaluation after a batch recomputes only the windows the batch reached.
        var source = new SignalSeriesSource(request, new Signals.Incremental.SignalCache(session.Environment.Time));
        var outcomes = await RuleEvaluator.EvaluateAsync(rules.Groups, source, at, cancellationToken);
        foreach (var failed in outcomes.Where(o => o.Error is not null))
        {
            await session.Environment.Error.WriteLineAsync($"error: alert '{failed.Rule.Name}': {failed.Error}");
        }

        return (outcomes, await AlertBook.ApplyAsync(store, outcomes, at, cancellationToken));
    }

    /// <summary>
    /// Enough history for every rule: its longest range plus one window (the latest complete one, which ranges such as
    /// baseline's look before) plus the window in progress, for the longest window length in use.
    /// </summary>
    internal static DateTimeOffset PeriodStart(RuleSet rules, DateTimeOffset at)
    {
        var longest = rules.Groups.SelectMany(g => g.Rules.Select(r => r.Check.LongestRange + (2 * g.Window))).DefaultIfEmpty(TimeSpan.FromDays(14)).Max();
        return at - longest;
    }

    private static async Task PrintAsync(CommandSession session, List<AlertState> active, LifecycleResult result, bool json)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, new
            {
                alerts = active.Select(s => new
                {
                    alertname = s.Rule,
                    status = s.Status,
                    severity = s.Severity,
                    fingerprint = s.Fingerprint,
                    labels = LabelJson.Read(s.Labels),
                    annotations = LabelJson.Read(s.Annotations),
                    value = s.Value,
                    activeSince = s.ActiveSince,
                    firedAt = s.FiredAt,
                    silenced = s.Silenced,
                }),
                resolved = result.States.Count(s => s.Status == AlertStatus.Resolved && s.ResolvedAt == s.EvaluatedAt),
                notificationsQueued = result.Notifications.Count,
            });
            return;
        }

        if (active.Count == 0)
        {
            session.Output.WriteLine("no alerts pending or firing");
        }
        else
        {
            var table = new Table().AddColumn("severity").AddColumn("alert").AddColumn("status").AddColumn("labels").AddColumn(new TableColumn("value").RightAligned()).AddColumn("summary");
            foreach (var state in active)
            {
                var labels = LabelJson.Read(state.Labels).Where(l => l.Key is not ("alertname" or "severity")).Select(l => $"{l.Key}={l.Value}");
                table.AddRow(
                    RuleEvaluator.SeverityName(state.Severity),
                    Markup.Escape(state.Rule),
                    state.Status.ToString().ToLowerInvariant() + (state.Silenced ? " (silenced)" : ""),
                    Markup.Escape(string.Join(" ", labels)),
                    state.Value is { } v ? Template.FormatValue(v, "humanize") : "",
                    Markup.Escape(LabelJson.Read(state.Annotations).GetValueOrDefault("summary") ?? ""));
            }

            session.Output.Write(table);
        }

        await session.Environment.Error.WriteLineAsync($"{active.Count(s => s.Status == AlertStatus.Firing)} firing, {active.Count(s => s.Status == AlertStatus.Pending)} pending, {result.Notifications.Count} notification(s) queued");
    }
}
