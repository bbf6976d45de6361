using System.CommandLine;
using System.Globalization;
using Analytics.Domain.Outbox;
using Analytics.Host.Cli;
using Analytics.Host.Configuration;
using Analytics.Reports.Delivery;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics deliver [--json]</c>: drains the delivery outbox once (every message due now, through the channels the
/// settings configure) and prints what was sent, what failed and what is still pending. Exit codes: 0 nothing failed
/// for good in this run; 1 a message failed permanently (refused, or out of attempts); 2 a settings error.
/// </summary>
internal static class DeliverCommand
{
    public static Command Create(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var command = new Command("deliver", "Send what is due in the delivery outbox (e-mails, webhooks) once, and show what is pending.") { json };
        runner.Bind(command, (session, cancellationToken) => DeliverAsync(session, session.Parse.GetValue(json), cancellationToken));
        return command;
    }

    /// <summary>
    /// Sends what is due in the outbox once with the configured channels; returns the run and the channels configured.
    /// Also what <c>report … --send</c> runs after queueing its messages.
    /// </summary>
    internal static async Task<(DeliveryRun Run, IReadOnlySet<OutboundChannel> Configured)> RunWorkerAsync(CommandSession session, CancellationToken cancellationToken)
    {
        using var delivery = DeliveryChannels.Create(session.Settings, session.Environment);
        var store = await session.OpenStoreAsync(cancellationToken);
        var worker = new DeliveryWorker(store, delivery.Channels, delivery.Policy, session.Environment.Time);
        return (await worker.RunOnceAsync(cancellationToken), delivery.Channels.Select(c => c.Channel).ToHashSet());
    }

    /// <summary>Sends what is due in the outbox once and prints what happened (a table, or JSON).</summary>
    internal static async Task<ExitCode> DeliverAsync(CommandSession session, bool json, CancellationToken cancellationToken)
    {
        var (run, configured) = await RunWorkerAsync(session, cancellationToken);
        var store = await session.OpenStoreAsync(cancellationToken);
        var pending = await DeliveryOutbox.ListAsync(store, OutboundStatus.Pending, cancellationToken);
        var unserved = pending.Where(m => !configured.Contains(m.Channel)).ToList();

        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, new
            {
                attempted = run.Attempted.Select(m => new
                {
                    key = m.IdempotencyKey,
                    channel = m.Channel.ToString().ToLowerInvariant(),
                    target = m.Target,
                    subject = m.Subject,
                    status = m.Status.ToString().ToLowerInvariant(),
                    attempts = m.Attempts,
                    nextAttemptAt = m.NextAttemptAt,
                    error = m.LastError,
                }),
                sent = run.Sent.Count(),
                retrying = run.Retrying.Count(),
                failed = run.Failed.Count(),
                pending = pending.Count,
                waitingForChannel = unserved.Count,
            });
        }
        else
        {
            Print(session, run, pending.Count);
        }

        foreach (var channel in unserved.Select(m => m.Channel).Distinct())
        {
            await session.Environment.Error.WriteLineAsync(
                $"warning: {unserved.Count(m => m.Channel == channel)} {channel.ToString().ToLowerInvariant()} message(s) wait for a channel: configure {(channel == OutboundChannel.Email ? "Smtp:Host and Smtp:From" : "Webhooks")} (docs/delivery.md)");
        }

        return run.Failed.Any() ? ExitCode.Findings : ExitCode.Ok;
    }

    private static void Print(CommandSession session, DeliveryRun run, int pending)
    {
        if (run.Attempted.Count > 0)
        {
            var table = new Table().AddColumns("status", "channel", "to", "subject", "attempts", "detail");
            foreach (var message in run.Attempted)
            {
                var detail = message.Status switch
                {
                    OutboundStatus.Sent => "",
                    OutboundStatus.Pending => $"retry at {message.NextAttemptAt:yyyy-MM-dd HH:mm:ss}Z: {message.LastError}",
                    _ => message.LastError ?? "",
                };
                table.AddRow(
                    Markup.Escape(message.Status.ToString().ToLowerInvariant()),
                    Markup.Escape(message.Channel.ToString().ToLowerInvariant()),
                    Markup.Escape(message.Target),
                    Markup.Escape(message.Subject),
                    message.Attempts.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(detail));
            }

            session.Output.Write(table);
        }

        session.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"sent {run.Sent.Count()}, retrying {run.Retrying.Count()}, failed {run.Failed.Count()}; pending in the outbox: {pending}"));
    }
}
