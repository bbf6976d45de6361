using System.CommandLine;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Host.Cli;
using Analytics.Host.Reporting;
using Analytics.Reports.Weekly;
using Analytics.Rules.Files;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics report weekly|alerts [--team T] [--period 2026-W46] [--out DIR]</c>: writes each team's weekly report
/// (standalone page, e-mail preview and text part) or the alert messages of the notification outbox (e-mail preview,
/// text part, webhook JSON) as files. Exit codes: 0 ok; 2 a bad period, an unknown team or a bad teams or rules file.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("report", "Write reports and alert messages as files: 'report weekly', 'report quarterly', 'report alerts'.");
        command.Subcommands.Add(Weekly(runner));
        command.Subcommands.Add(Alerts(runner));
        command.Subcommands.Add(ReportQuarterlyCommand.Create(runner));
        return command;
    }

    private static Command Weekly(CommandRunner runner)
    {
        var (team, period, output, rules, json) = Options("The ISO week to report, such as 2026-W46 (default: the last complete week in each team's time zone).");
        var send = SendOption();
        var command = new Command("weekly", "Write each team's weekly team-health report: the page, the e-mail (HTML with its PNG charts) and its text part.")
        {
            team, period, output, rules, json, send,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var week = Period(session.Parse.GetValue(period));
            var selected = Teams(session, session.Parse.GetValue(team));
            var now = session.Environment.Time.GetUtcNow();
            if (week is { } w && selected.FirstOrDefault(t => w.In(t.TimeZone).End > now) is { } early)
            {
                throw new UserErrorException($"--period: {w} has not ended yet in {early.TimeZone} (team {early.Id}); the last complete week there is {ReportWeek.LastComplete(now, early.TimeZone)}");
            }

            var composer = await ComposerAsync(session, session.Parse.GetValue(rules), cancellationToken);
            var folder = session.Environment.PathOf(session.Parse.GetValue(output)!);
            var written = new List<object>();
            var sending = new List<ReportSending.Queued>();
            foreach (var weekly in await composer.WeeklyAsync(selected, week, cancellationToken))
            {
                if (session.Parse.GetValue(send))
                {
                    sending.Add(await ReportSending.WeeklyAsync(await session.OpenStoreAsync(cancellationToken), session.Environment.Time, weekly, cancellationToken));
                }

                var files = await ReportFiles.WriteWeeklyAsync(folder, weekly, cancellationToken);
                written.Add(new { team = weekly.Team.Id, week = weekly.Report.IsoWeek.ToString(), subject = weekly.Email.Subject, recipients = weekly.Recipients, files });
                if (!session.Parse.GetValue(json))
                {
                    await session.Environment.Out.WriteLineAsync($"{weekly.Team.Id} {weekly.Report.IsoWeek}: {files[0]}");
                    await session.Environment.Out.WriteLineAsync($"  e-mail \"{weekly.Email.Subject}\" ({weekly.Email.InlineImages.Count} images) to {(weekly.Recipients.Count == 0 ? "nobody (no email in the teams file)" : string.Join(", ", weekly.Recipients))}: {files[1]}");
                }
            }

            var delivery = session.Parse.GetValue(send) ? await SendAsync(session, sending, session.Parse.GetValue(json), cancellationToken) : null;
            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, new { reports = written, delivery });
            }

            return delivery is { Failed: > 0 } ? ExitCode.Findings : ExitCode.Ok;
        });
        return command;
    }

    private static Command Alerts(CommandRunner runner)
    {
        var (team, period, output, rules, json) = Options("Only notifications decided in this ISO week, such as 2026-W46 (default: those not sent yet).");
        var send = SendOption();
        var command = new Command("alerts", "Write the alert messages of the notification outbox: e-mail (HTML with the evidence charts), text and webhook JSON.")
        {
            team, period, output, rules, json, send,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var week = Period(session.Parse.GetValue(period));
            var selected = session.Parse.GetValue(team) is { } id ? Teams(session, id)[0] : null;
            var composer = await ComposerAsync(session, session.Parse.GetValue(rules), cancellationToken);
            var folder = Path.Combine(session.Environment.PathOf(session.Parse.GetValue(output)!), "alerts");
            var written = new List<object>();
            var messages = await composer.AlertsAsync(selected, week, cancellationToken);
            var sending = new List<ReportSending.Queued>();
            foreach (var message in messages)
            {
                if (session.Parse.GetValue(send))
                {
                    sending.Add(await ReportSending.AlertAsync(await session.OpenStoreAsync(cancellationToken), session.Environment.Time, session.Settings, message, cancellationToken));
                }

                var files = await ReportFiles.WriteAlertAsync(folder, message, cancellationToken);
                written.Add(new { key = message.Notification.IdempotencyKey, team = message.Notification.Team, channel = message.Notification.Channel, subject = message.Email.Subject, recipients = message.Recipients, files });
                if (!session.Parse.GetValue(json))
                {
                    await session.Environment.Out.WriteLineAsync($"{message.Email.Subject} → {message.Notification.Channel} {string.Join(", ", message.Recipients)}: {files[0]}");
                }
            }

            var delivery = session.Parse.GetValue(send) ? await SendAsync(session, sending, session.Parse.GetValue(json), cancellationToken) : null;
            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, new { messages = written, delivery });
            }
            else if (messages.Count == 0)
            {
                await session.Environment.Out.WriteLineAsync(week is null ? "no notifications waiting in the outbox" : $"no notifications decided in {week}");
            }

            return delivery is { Failed: > 0 } ? ExitCode.Findings : ExitCode.Ok;
        });
        return command;
    }

    /// <summary>The <c>--send</c> option of every report command.</summary>
    internal static Option<bool> SendOption() => new("--send")
    {
        Description = "Also queue the e-mails (and webhooks) in the delivery outbox, once per report, period and recipient, and send what is due (docs/delivery.md).",
    };

    /// <summary>
    /// After queueing: reports what was skipped, sends what is due once (the same run as <c>analytics deliver</c>), and
    /// summarises it. Messages that fail stay in the outbox for <c>analytics deliver</c> or the scheduler's deliver job.
    /// </summary>
    internal static async Task<DeliverySummary> SendAsync(CommandSession session, IReadOnlyList<ReportSending.Queued> queued, bool json, CancellationToken cancellationToken)
    {
        foreach (var reason in queued.Select(q => q.Reason).OfType<string>())
        {
            await session.Environment.Error.WriteLineAsync($"warning: not sent: {reason}");
        }

        var (run, _) = await DeliverCommand.RunWorkerAsync(session, cancellationToken);
        var summary = new DeliverySummary(queued.Sum(q => q.Added), queued.Sum(q => q.AlreadyQueued), run.Sent.Count(), run.Retrying.Count(), run.Failed.Count());
        if (!json)
        {
            await session.Environment.Out.WriteLineAsync(
                $"delivery: {summary.Queued} queued ({summary.AlreadyQueued} were queued before), {summary.Sent} sent, {summary.Retrying} to retry, {summary.Failed} failed (analytics deliver shows the outbox)");
            foreach (var failed in run.Failed.Concat(run.Retrying))
            {
                await session.Environment.Error.WriteLineAsync($"warning: {failed.Channel.ToString().ToLowerInvariant()} to {failed.Target}: {failed.LastError}");
            }
        }

        return summary;
    }

    /// <summary>What <c>--send</c> did: messages queued now and before, and the outcome of the delivery run.</summary>
    internal sealed record DeliverySummary(int Queued, int AlreadyQueued, int Sent, int Retrying, int Failed);

    private static (Option<string?> Team, Option<string?> Period, Option<string> Output, Option<string?> Rules, Option<bool> Json) Options(string periodDescription) => (
        new Option<string?>("--team") { Description = "Only this team (its id in the teams file)." },
        new Option<string?>("--period") { Description = periodDescription },
        new Option<string>("--out", "-o") { Description = "The folder to write to.", DefaultValueFactory = _ => "reports" },
        new Option<string?>("--rules") { Description = "A rule file or folder, for the evidence charts of alerts (default: rules, when it exists)." },
        GlobalOptions.Json());

    /// <summary>The week of <c>--period</c>; null without one.</summary>
    /// <exception cref="UserErrorException">It is not an ISO week.</exception>
    internal static ReportWeek? Period(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return ReportWeek.TryParse(text, out var week, out var error) ? week : throw new UserErrorException($"--period: {error}");
    }

    private static IReadOnlyList<Team> Teams(CommandSession session, string? id)
    {
        var teams = session.Teams.Teams;
        if (teams.Count == 0)
        {
            throw new UserErrorException("no teams: reports are made per team; declare teams in config/teams.yaml or pass --teams (see docs/configuration.md)");
        }

        if (id is null)
        {
            return teams;
        }

        return teams.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)) is { } team
            ? [team]
            : throw new UserErrorException($"--team: unknown team '{id}'{Suggest.DidYouMean(id, teams.Select(t => t.Id))} (teams: {string.Join(", ", teams.Select(t => t.Id))})");
    }

    private static async Task<ReportComposer> ComposerAsync(CommandSession session, string? rulesPath, CancellationToken cancellationToken)
    {
        RuleSet? rules = null;
        if (rulesPath is not null || Directory.Exists(session.Environment.PathOf(RulesCommand.DefaultPath)))
        {
            rules = RulesCommand.Load(session, rulesPath);
            foreach (var diagnostic in rules.Diagnostics)
            {
                await session.Environment.Error.WriteLineAsync("warning: " + RulesCommand.Relative(session, diagnostic));
            }
        }

        var store = await session.OpenStoreAsync(cancellationToken);
        return new ReportComposer(store, session.Teams, await session.ResolvePeopleAsync(cancellationToken), rules, session.Environment.Time);
    }
}
