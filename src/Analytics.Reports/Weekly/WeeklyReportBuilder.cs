using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.People;
using Analytics.Reports.Alerts;
using Analytics.Reports.Charts;
using Analytics.Rules.Alerts;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Ci;
using Analytics.Signals.CiCost;
using Analytics.Signals.Interruptions;
using Analytics.Signals.Delivery;
using Analytics.Signals.Dora;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Ownership;
using Analytics.Signals.Incidents;
using Analytics.Signals.Review;
using Analytics.Signals.Series;
using Analytics.Signals.Wins;
using Analytics.Signals.Statistics;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Reports.Weekly;

/// <summary>
/// Builds a team's weekly report for an ISO week (by default the last complete one in the team's time zone), from the
/// signals over the <see cref="WeeksShown"/> weeks up to it, the team's goals, the stored alert state and the records
/// of what shipped and was resolved. How each number is computed: <c>docs/reports.md</c>.
/// </summary>
public sealed class WeeklyReportBuilder(IStore store, PersonDirectory people, TimeProvider time)
{
    /// <summary>Weeks drawn in charts and sparklines, the report week included.</summary>
    public const int WeeksShown = 12;

    /// <summary>Weeks before the report week whose median is the baseline it is compared with.</summary>
    public const int BaselineWeeks = 4;

    private const int ShippedListed = 15;

    /// <summary>Builds the report of <paramref name="team"/> for the last complete week, without goals.</summary>
    public Task<WeeklyReport> BuildAsync(Team team, CancellationToken cancellationToken) =>
        BuildAsync(team, new WeeklyReportOptions(), cancellationToken);

    /// <summary>Builds the report of <paramref name="team"/> for the week, goals and rules of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public async Task<WeeklyReport> BuildAsync(Team team, WeeklyReportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(options);
        var now = time.GetUtcNow();
        var latest = ReportWeek.LastComplete(now, team.TimeZone);
        var week = (options.Week ?? latest).In(team.TimeZone);
        var first = week with { FirstDay = week.FirstDay.AddDays(-7 * (WeeksShown - 1)) };
        var request = new SignalRequest(store, [team], people, first.Start, week.End, Granularity.Week);

        var merged = (await new MergedPullRequests().ComputeAsync(request, cancellationToken)).Single();
        var cycle = (await new PullRequestCycleTime().ComputeAsync(request, cancellationToken)).Single();
        var ci = (await new CiRunDuration().ComputeAsync(request, cancellationToken))
            .Where(s => s.Labels["quantile"] == "0.9")
            .ToList();

        var firstReview = (await new TimeToFirstReview().ComputeAsync(request, cancellationToken)).Single();
        var unreviewed = (await new MergedWithoutReview().ComputeAsync(request, cancellationToken)).Single();
        var gini = (await new ReviewLoadGini().ComputeAsync(request, cancellationToken)).Single();
        var stale = (await new StalePullRequests().ComputeAsync(request, cancellationToken)).Single();

        var deployments = (await new DeploymentFrequency().ComputeAsync(request, cancellationToken)).Single();
        var leadTime = (await new LeadTime().ComputeAsync(request, cancellationToken)).Single(s => s.Labels["stage"] == "total");
        var failureRate = (await new ChangeFailureRate().ComputeAsync(request, cancellationToken)).Single();
        var incidents = Sum("incidents.count", await new IncidentCount().ComputeAsync(request, cancellationToken), first.Start, request);
        var runnerMinutes = Sum("ci.runner_minutes", await new RunnerMinutes().ComputeAsync(request, cancellationToken), first.Start, request);
        var interruptions = Sum("interruptions.count", await new InterruptionCount().ComputeAsync(request, cancellationToken), first.Start, request);
        var offHours = (await new OffHoursWork().ComputeAsync(request, cancellationToken)).SingleOrDefault(s => s.Labels["kind"] == "all");

        var goals = options.Goals.ToDictionary(g => g.Metric, StringComparer.Ordinal);
        MetricSummary Measure(string key, string title, Series series)
        {
            var summary = Summarise(title, series, GoalMetrics.Formats[key]);
            return summary with { Key = key, Goal = goals.GetValueOrDefault(key) };
        }

        var metrics = new List<MetricSummary>
        {
            Measure("dora.deployment_frequency", "Production deployments", deployments),
            Measure("dora.lead_time", "Lead time (median, first commit → production)", leadTime),
            Measure("dora.change_failure_rate", "Change failure rate", failureRate),
            Measure("incidents.count", "Incidents opened", incidents),
            Measure("pr.merged", "Pull requests merged", merged),
            Measure("pr.cycle_time", "PR cycle time (median, open → merge)", cycle),
            Measure("review.time_to_first_review", "Time to first review (median)", firstReview),
            Measure("review.merged_without_review", "Merged without review", unreviewed),
            Measure("review.load_gini", "Review load spread (Gini; 0 = even)", gini),
            Measure("review.stale_prs", "Stale pull requests (idle > 7 days)", stale),
            Measure("ci.runner_minutes", "CI runner minutes (billed, rounded up per job)", runnerMinutes),
            Measure("interruptions.count", "Interruptions (pages, incidents, unplanned tickets)", interruptions),
        };
        if (offHours is not null)
        {
            metrics.Add(Measure("offhours.share", "Off-hours work (pages and commits outside working hours)", offHours));
        }

        metrics.AddRange(ci.Select(s => Measure("ci.run_duration.p90", $"CI duration p90: {s.Labels["repository"]} · {s.Labels["workflow"]}", s)));

        var charts = new List<ChartSpec>
        {
            new BarChart(
                "Pull requests merged per week",
                $"Pull requests merged by {team.Name} in each of the last {WeeksShown} weeks; this week: {Format(merged.Points[^1].Value, ValueFormat.Number)}.",
                ValueList.From(merged.Points.Select(p => WeekLabel(p.Window))),
                ValueList.Of(new BarSeries("merged", ValueList.From(merged.Points.Select(p => p.Value))))),
            Line("PR cycle time (median)", $"Median time from opening to merging, week by week; this week: {Format(cycle.Points[^1].Value, ValueFormat.Duration)}.", [("median", cycle)]) with
            {
                Threshold = GoalLine(goals.GetValueOrDefault("pr.cycle_time")),
            },
        };
        var changePoints = (await new CiChangePoints().DetectAsync(request, cancellationToken)).Where(c => c.At >= first.Start).ToList();
        if (ci.Count > 0)
        {
            charts.Add(Line(
                "CI run duration (p90)",
                "90th percentile of CI run durations per repository and workflow, week by week; dashed lines mark significant lasting changes (change points).",
                ci.Select(s => ($"{s.Labels["repository"]} · {s.Labels["workflow"]}", s)).ToList()) with
            {
                Markers = ValueList.From(changePoints.Select(c => new ChartMarker(c.At, $"{c.Workflow} {c.Point.RelativeChange:+0%;-0%}"))),
                Threshold = GoalLine(goals.GetValueOrDefault("ci.run_duration.p90")),
            });
        }

        var risks = new List<RiskItem>();
        risks.AddRange(changePoints.Select(c => new RiskItem(
            c.Point.RelativeChange > 0 ? "CI slowdown" : "CI speed-up",
            $"{c.Repository} · {c.Workflow}",
            $"Runs got {Math.Abs(c.Point.RelativeChange):0%} {(c.Point.RelativeChange > 0 ? "slower" : "faster")} from {c.At:d MMM} "
            + $"(mean {ChartValueFormatter.Format(c.Point.MeanBefore, ValueFormat.Duration)} → {ChartValueFormatter.Format(c.Point.MeanAfter, ValueFormat.Duration)}, "
            + $"{c.Point.CountBefore} runs before, {c.Point.CountAfter} after; p {(c.Point.PValue < 0.001 ? "< 0.001" : $"= {c.Point.PValue:0.000}")}).")));
        risks.AddRange(await TestRisksAsync(team, week, cancellationToken));
        risks.AddRange(SiloRisks(await new TruckFactorSignal().ComputeAsync(request, cancellationToken)));

        var shipped = new List<ShippedPullRequest>();
        var query = StoreQuery.All.Since("merged_at", week.Start).Before("merged_at", week.End);
        await foreach (var pr in store.ReadAsync(Entities.PullRequests, query, cancellationToken))
        {
            if (team.Repositories.Contains(pr.Repository, StringComparer.OrdinalIgnoreCase) && people.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                shipped.Add(new ShippedPullRequest(pr.Repository, pr.Number, pr.Title, pr.MergedAt!.Value));
            }
        }

        var alerts = await FiringAlertsAsync(team, week, week.FirstDay >= latest.Monday, new AlertEvidence(options.Rules, new SignalSeriesSource(request)), cancellationToken);
        return new WeeklyReport(
            team,
            week,
            now,
            ValueList.From(metrics),
            ValueList.From(charts.Select(c => new WeeklyChart(c, SvgChartRenderer.Render(c, ChartSize.Report)))),
            ValueList.From(shipped.OrderByDescending(s => s.MergedAt).Take(ShippedListed)),
            ValueList.From(risks))
        {
            Alerts = ValueList.From(alerts),
            Highlights = ValueList.From((await HighlightsAsync(request, team, week, cancellationToken)).OrderByDescending(h => h.At).ThenBy(h => h.Reference, StringComparer.Ordinal)),
        };
    }

    /// <summary>
    /// The team's alerts (label <c>team</c>) firing at the end of the week. The store keeps each alert's current
    /// episode only, so for the latest complete week (or a later one) this is every alert firing now, however late on
    /// Monday the rules were evaluated; for an older week, the alerts that fired before its end and had not resolved by then.
    /// </summary>
    private async Task<List<AlertFacts>> FiringAlertsAsync(Team team, TimeWindow week, bool latest, AlertEvidence evidence, CancellationToken cancellationToken)
    {
        var states = new List<AlertState>();
        await foreach (var state in store.ReadAsync(Entities.AlertStates, null, cancellationToken))
        {
            if (!string.Equals(AlertLifecycle.LabelsOf(state)["team"], team.Id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var firing = latest
                ? state.Status == AlertStatus.Firing
                : state.FiredAt < week.End && (state.Status == AlertStatus.Firing || (state.Status == AlertStatus.Resolved && state.ResolvedAt >= week.End));
            if (firing)
            {
                states.Add(state);
            }
        }

        var facts = new List<AlertFacts>();
        foreach (var state in states.OrderByDescending(s => s.Severity).ThenBy(s => s.FiredAt).ThenBy(s => s.Fingerprint, StringComparer.Ordinal))
        {
            facts.Add((await evidence.FactsAsync(state, cancellationToken)) with { Status = AlertStatus.Firing, ResolvedAt = null });
        }

        return facts;
    }

    /// <summary>What shipped (production deployments) and what was resolved (incidents of the team's services, tickets of its members) in the week.</summary>
    private async Task<List<Highlight>> HighlightsAsync(SignalRequest request, Team team, TimeWindow week, CancellationToken cancellationToken)
    {
        // Deployments, incidents and epics come from the wins query, the one definition of what a week shipped and resolved.
        var wins = await HighlightsQuery.LoadAsync(request, team, week, cancellationToken);
        var highlights = new List<Highlight>();
        foreach (var release in wins.Releases)
        {
            var sha = release.CommitSha[..Math.Min(7, release.CommitSha.Length)];
            var what = release.Ref is { } name ? $"{name} @ {sha}" : sha;
            highlights.Add(new Highlight(HighlightKind.Deployment, $"{release.Service ?? release.Repository} → {release.Environment}", what, release.At));
        }

        highlights.AddRange(wins.ResolvedIncidents.Select(i =>
            new Highlight(HighlightKind.IncidentResolved, $"{i.Service} · {i.Severity ?? "incident"}", i.Title, i.ResolvedAt, i.Url)));
        highlights.AddRange(wins.ClosedEpics.Select(e =>
            new Highlight(HighlightKind.EpicClosed, e.Key, e.Children > 0 ? $"{e.Title} ({e.Children} items)" : e.Title, e.ResolvedAt)));

        var resolved = StoreQuery.All.Since("resolved_at", week.Start).Before("resolved_at", week.End);
        var (memberIds, accounts) = Membership(team);
        await foreach (var ticket in store.ReadAsync(Entities.Tickets, resolved, cancellationToken))
        {
            if (ticket.Assignee is { } assignee && !HighlightsQuery.EpicTypes.Contains(ticket.Type, StringComparer.OrdinalIgnoreCase)
                && (accounts.Contains((ticket.Source, assignee)) || people.Find(ticket.Source, assignee) is { } person && memberIds.Contains(person.Id)))
            {
                highlights.Add(new Highlight(HighlightKind.TicketResolved, ticket.Key, ticket.Title, ticket.ResolvedAt!.Value));
            }
        }

        return highlights;
    }

    /// <summary>The team's members as person ids and as configured accounts (a ticket counts for its assignee's team).</summary>
    private (HashSet<string> PersonIds, HashSet<(string, string)> Accounts) Membership(Team team)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new HashSet<(string, string)>();
        foreach (var member in team.Members)
        {
            ids.Add(member.Id);
            foreach (var account in member.Accounts)
            {
                accounts.Add((account.Source, account.Account));
                if (people.Find(account.Source, account.Account) is { } person)
                {
                    ids.Add(person.Id);
                }
            }
        }

        return (ids, accounts);
    }

    private static ThresholdLine? GoalLine(TeamGoal? goal) => goal is null ? null : new ThresholdLine(goal.Target, $"Goal {goal.Text}");

    private async Task<IEnumerable<RiskItem>> TestRisksAsync(Team team, TimeWindow week, CancellationToken cancellationToken)
    {
        var report = await FlakyTests.AnalyseAsync(new FlakyTestRequest(store, week.End) { Repositories = team.Repositories.ToList() }, cancellationToken);
        var broken = report.InState(TestState.Broken).Select(t => new RiskItem(
            "Broken test",
            $"{t.TestId} ({t.Repository})",
            $"Fails on every recent commit of the default branch{(t.Since is { } since ? $" since {since:d MMM}" : "")}: {t.Failures} of {t.Executions} executions failed."));
        var flaky = report.InState(TestState.Flaky)
            .OrderByDescending(t => t.Impact.LostCiTime)
            .Select(t => new RiskItem(
                "Flaky test",
                $"{t.TestId} ({t.Repository})",
                $"Passed and failed on the same commit on {t.Score.Successes} of {t.Score.Trials} commits "
                + $"({t.Score.Estimate:0%}, 95% interval {t.Score.Lower:0%}–{t.Score.Upper:0%}) in the last {(report.AsOf - report.From).TotalDays:0} days; "
                + $"cost {ChartValueFormatter.Format(t.Impact.LostCiTime.TotalSeconds, ValueFormat.Duration)} of CI time and disrupted {t.Impact.DisruptedRuns} runs."));
        return broken.Concat(flaky);
    }

    private static IEnumerable<RiskItem> SiloRisks(IReadOnlyList<Series> truckFactors)
    {
        foreach (var repository in truckFactors.GroupBy(s => s.Labels["repository"]!))
        {
            double? Latest(Series s) => s.Points.LastOrDefault(p => p.Value is not null)?.Value;
            var whole = repository.FirstOrDefault(s => s.Labels["folder"] is null or "");
            var silos = repository.Where(s => s.Labels["folder"] is { Length: > 0 } && Latest(s) == 1).Select(s => s.Labels["folder"]!).Order(StringComparer.Ordinal).ToList();
            if (whole is not null && Latest(whole) == 1 || silos.Count > 0)
            {
                var tf = whole is null ? null : Latest(whole);
                yield return new RiskItem(
                    "Knowledge silo",
                    repository.Key,
                    $"Truck factor {(tf is { } t ? t.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "unknown")}"
                    + (silos.Count > 0 ? $"; {silos.Count} folder{(silos.Count == 1 ? "" : "s")} known by one person only: {string.Join(", ", silos.Take(4))}{(silos.Count > 4 ? ", …" : "")}." : "."));
            }
        }
    }

    private static MetricSummary Summarise(string title, Series series, ValueFormat format)
    {
        var values = series.Points.Select(p => p.Value).ToList();
        var baseline = Quantile.Median(values.SkipLast(1).TakeLast(BaselineWeeks).OfType<double>());
        var last = series.Points[^1];
        return new MetricSummary(title, $"{series.Signal}{series.Labels}", values[^1], baseline, format, ValueList.From(values))
        {
            Low = last.HasInterval ? last.Low : null,
            High = last.HasInterval ? last.High : null,
        };
    }

    /// <summary>Adds up the series of a team (several services and severities) window by window.</summary>
    private static Series Sum(string signal, IReadOnlyList<Series> parts, DateTimeOffset start, SignalRequest request)
    {
        var team = request.Teams.Single();
        var windows = TimeWindow.Covering(start, request.To, Granularity.Week, team.TimeZone).ToList();
        return new Series(signal, Labels.Of(new Label("team", team.Id)), SignalUnit.Count, ValueList.From(windows.Select(w =>
        {
            var total = parts.Sum(p => p.Points.FirstOrDefault(x => x.Window == w)?.Value ?? 0);
            return new SeriesPoint(w, total, (int)total);
        })));
    }

    private static TimeSeriesChart Line(string title, string description, IReadOnlyList<(string Name, Series Series)> lines) =>
        new(title, description, ValueList.From(lines.Select(l => new TimeSeries(
            l.Name,
            ValueList.From(l.Series.Points.Select(p => TimePoint.OnDate(p.Window.FirstDay, p.Value)))))))
        {
            ValueFormat = ValueFormat.Duration,
            XAxis = TimeAxisKind.CalendarDates,
        };

    private static string WeekLabel(TimeWindow window) =>
        window.FirstDay.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);

    private static string Format(double? value, ValueFormat format) =>
        value is { } v ? ChartValueFormatter.Format(v, format) : "no data";
}
