using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Charts;
using Analytics.Signals;
using Analytics.Signals.Ci;
using Analytics.Signals.Delivery;
using Analytics.Signals.Dora;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Ownership;
using Analytics.Signals.Incidents;
using Analytics.Signals.Review;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Reports.Weekly;

/// <summary>
/// Builds a team's weekly report for the last complete ISO week in the team's time zone, from the signals over the
/// <see cref="WeeksShown"/> weeks up to it.
/// </summary>
public sealed class WeeklyReportBuilder(IStore store, PersonDirectory people, TimeProvider time)
{
    /// <summary>Weeks drawn in charts and sparklines, the report week included.</summary>
    public const int WeeksShown = 12;

    /// <summary>Weeks before the report week whose median is the baseline it is compared with.</summary>
    public const int BaselineWeeks = 4;

    private const int ShippedListed = 15;

    /// <summary>Builds the report of <paramref name="team"/>.</summary>
    public async Task<WeeklyReport> BuildAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var now = time.GetUtcNow();
        var current = TimeWindow.Containing(now, Granularity.Week, team.TimeZone);
        var week = current with { FirstDay = current.FirstDay.AddDays(-7) };
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

        var metrics = new List<MetricSummary>
        {
            Summarise("Production deployments", deployments, ValueFormat.Number),
            Summarise("Lead time (median, first commit → production)", leadTime, ValueFormat.Duration),
            Summarise("Change failure rate", failureRate, ValueFormat.Percentage),
            Summarise("Incidents opened", incidents, ValueFormat.Number),
            Summarise("Pull requests merged", merged, ValueFormat.Number),
            Summarise("PR cycle time (median, open → merge)", cycle, ValueFormat.Duration),
            Summarise("Time to first review (median)", firstReview, ValueFormat.Duration),
            Summarise("Merged without review", unreviewed, ValueFormat.Percentage),
            Summarise("Review load spread (Gini; 0 = even)", gini, ValueFormat.Number),
            Summarise("Stale pull requests (idle > 7 days)", stale, ValueFormat.Number),
        };
        metrics.AddRange(ci.Select(s => Summarise($"CI duration p90: {s.Labels["repository"]} · {s.Labels["workflow"]}", s, ValueFormat.Duration)));

        var charts = new List<ChartSpec>
        {
            new BarChart(
                "Pull requests merged per week",
                $"Pull requests merged by {team.Name} in each of the last {WeeksShown} weeks; this week: {Format(merged.Points[^1].Value, ValueFormat.Number)}.",
                ValueList.From(merged.Points.Select(p => WeekLabel(p.Window))),
                ValueList.Of(new BarSeries("merged", ValueList.From(merged.Points.Select(p => p.Value))))),
            Line("PR cycle time (median)", $"Median time from opening to merging, week by week; this week: {Format(cycle.Points[^1].Value, ValueFormat.Duration)}.", [("median", cycle)]),
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

        return new WeeklyReport(
            team,
            week,
            now,
            ValueList.From(metrics),
            ValueList.From(charts.Select(c => new WeeklyChart(c, SvgChartRenderer.Render(c, ChartSize.Report)))),
            ValueList.From(shipped.OrderByDescending(s => s.MergedAt).Take(ShippedListed)),
            ValueList.From(risks));
    }

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
        return new MetricSummary(title, $"{series.Signal}{series.Labels}", values[^1], baseline, format, ValueList.From(values));
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
