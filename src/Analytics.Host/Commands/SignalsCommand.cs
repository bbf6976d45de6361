using System.CommandLine;
using System.Globalization;
using Analytics.Domain.Common;
using Analytics.Host.Cli;
using Analytics.Signals;
using Analytics.Signals.Series;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary><c>analytics signals [name]</c>: computes signals from the store and prints their series.</summary>
internal static class SignalsCommand
{
    private const int WindowsShownInTable = 6;

    public static Command Create(CommandRunner runner)
    {
        var name = new Argument<string?>("signal") { Description = "The signal to compute (default: all). 'analytics signals --list' names them.", Arity = ArgumentArity.ZeroOrOne };
        var team = new Option<string?>("--team") { Description = "Only this team (its id in the teams file)." };
        var from = new Option<DateOnly?>("--from") { Description = "First day of the period (default: 12 weeks before --to)." };
        var to = new Option<DateOnly?>("--to") { Description = "Day after the period (default: tomorrow, so today is included)." };
        var granularity = new Option<Granularity>("--granularity") { Description = "Window length: Day, Week, Month or Quarter.", DefaultValueFactory = _ => Granularity.Week };
        var aggregator = new Option<Analytics.Signals.Statistics.Aggregator>("--aggregator") { Description = "How duration signals summarise a window: Median, Mean, P75 or P90.", DefaultValueFactory = _ => Analytics.Signals.Statistics.Aggregator.Median };
        var list = new Option<bool>("--list") { Description = "List the signals and what they measure." };
        var noCache = new Option<bool>("--no-cache") { Description = "Compute every window from the records, bypassing the signal cache (docs/signals/incremental.md)." };
        var json = GlobalOptions.Json();
        var command = new Command("signals", "Compute signals from the store and print their series (per team, per window).")
        {
            name, team, from, to, granularity, aggregator, list, noCache, json,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            if (session.Parse.GetValue(list))
            {
                return await ListAsync(session, session.Parse.GetValue(json));
            }

            var signals = session.Parse.GetValue(name) is { } n
                ? [SignalCatalog.Find(n) ?? throw new UserErrorException($"unknown signal '{n}'{Suggest.DidYouMean(n, SignalCatalog.All.Select(s => s.Name))}")]
                : SignalCatalog.All;
            var teams = session.Teams.Teams;
            if (session.Parse.GetValue(team) is { } only)
            {
                teams = teams.Where(t => t.Id == only).ToList();
                if (teams.Count == 0)
                {
                    throw new UserErrorException($"unknown team '{only}'{Suggest.DidYouMean(only, session.Teams.Teams.Select(t => t.Id))}");
                }
            }

            if (teams.Count == 0)
            {
                throw new UserErrorException("no teams: signals are computed per team; declare teams in config/teams.yaml or pass --teams (see docs/configuration.md)");
            }

            var today = DateOnly.FromDateTime(session.Environment.Time.GetUtcNow().UtcDateTime);
            var end = session.Parse.GetValue(to) ?? today.AddDays(1);
            var start = session.Parse.GetValue(from) ?? end.AddDays(-7 * 12);
            if (start >= end)
            {
                throw new UserErrorException($"--from ({start:yyyy-MM-dd}) must be before --to ({end:yyyy-MM-dd})");
            }

            var store = await session.OpenStoreAsync(cancellationToken);
            var request = new SignalRequest(
                store,
                teams,
                await session.ResolvePeopleAsync(cancellationToken),
                new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                session.Parse.GetValue(granularity))
            {
                Aggregator = session.Parse.GetValue(aggregator),
                AttributionWindow = session.Settings.Attribution.Window,
                RunnerPrices = session.Settings.CiCost.ToPrices(),
            };
            var cache = session.Parse.GetValue(noCache) ? null : new Analytics.Signals.Incremental.SignalCache(session.Environment.Time);
            var computed = cache is null
                ? await SignalBatch.ComputeAsync(signals, request, Environment.ProcessorCount, cancellationToken)
                : (await cache.ComputeAllAsync(signals, request, Environment.ProcessorCount, cancellationToken)).Select(r => r.Series).ToList();
            var results = computed.SelectMany(series => series).ToList();

            await PrintAsync(session, results, session.Parse.GetValue(json));
            return ExitCode.Ok;
        });
        return command;
    }

    private static async Task<ExitCode> ListAsync(CommandSession session, bool json)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, SignalCatalog.All.Select(s => new { name = s.Name, unit = s.Unit, description = s.Description }));
            return ExitCode.Ok;
        }

        foreach (var signal in SignalCatalog.All)
        {
            session.Output.WriteLine($"{signal.Name,-28} {signal.Description}");
        }

        return ExitCode.Ok;
    }

    private static async Task PrintAsync(CommandSession session, List<Series> results, bool json)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, results.Select(s => new
            {
                signal = s.Signal,
                labels = s.Labels.Items.ToDictionary(l => l.Name, l => l.Value),
                unit = s.Unit,
                points = s.Points.Select(p => new
                {
                    window = p.Window.ToString(),
                    start = p.Window.Start,
                    end = p.Window.End,
                    value = p.Value,
                    low = p.Low,
                    high = p.High,
                    observations = p.Observations,
                }),
            }));
            return;
        }

        var windows = results.SelectMany(s => s.Points.Select(p => p.Window.ToString())).Distinct().Order(StringComparer.Ordinal).TakeLast(WindowsShownInTable).ToList();
        var table = new Table().AddColumn("signal").AddColumn("labels");
        foreach (var window in windows)
        {
            table.AddColumn(new TableColumn(window).RightAligned());
        }

        foreach (var series in results)
        {
            var cells = new List<string> { Markup.Escape(series.Signal), Markup.Escape(string.Join(" ", series.Labels.Items.Select(l => $"{l.Name}={l.Value}"))) };
            cells.AddRange(windows.Select(w => series.Points.FirstOrDefault(p => p.Window.ToString() == w) is { Value: { } v } ? Format(v, series.Unit) : "–"));
            table.AddRow(cells.ToArray());
        }

        session.Output.Write(table);
    }

    private static string Format(double value, SignalUnit unit) => unit switch
    {
        SignalUnit.Seconds => Reports.Charts.ChartValueFormatter.Format(value, Reports.Charts.ValueFormat.Duration),
        SignalUnit.Ratio => Reports.Charts.ChartValueFormatter.Format(value, Reports.Charts.ValueFormat.Percentage),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
