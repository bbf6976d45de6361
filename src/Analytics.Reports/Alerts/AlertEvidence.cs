using System.Globalization;
using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using Analytics.Reports.Weekly;
using Analytics.Rules.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals.Series;

namespace Analytics.Reports.Alerts;

/// <summary>
/// Turns stored alerts into <see cref="AlertFacts"/> with their evidence chart: the series of the signal the alert's rule
/// reads whose labels all match the alert's, over the weeks <paramref name="source"/> computes, with the rule's threshold
/// when the rule compares the signal with a number directly (<c>review.stale_prs &gt;= 3</c>).
/// </summary>
/// <param name="rules">The loaded rules; without them (null) alerts have no evidence chart.</param>
/// <param name="source">Where series come from (computed once per signal).</param>
public sealed class AlertEvidence(RuleSet? rules, ISeriesSource source)
{
    /// <summary>The size of evidence charts in pages: small, beside the alert's text.</summary>
    public static ChartSize ChartSize => new(480, 180);

    /// <summary>The facts of a stored alert, with its evidence chart when the rule and series are known.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public async Task<AlertFacts> FactsAsync(AlertState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var annotations = LabelJson.Read(state.Annotations);
        var facts = Facts(state.Fingerprint, state.Rule, state.Status, state.Severity, LabelJson.ReadLabels(state.Labels), annotations, state.Value, state.FiredAt ?? state.ActiveSince, state.Status == AlertStatus.Resolved ? state.ResolvedAt : null);
        return facts with { Evidence = await ChartAsync(facts, cancellationToken) };
    }

    /// <summary>Facts from their parts, without evidence (used for notification payloads as well as stored state).</summary>
    public static AlertFacts Facts(
        string fingerprint,
        string rule,
        AlertStatus status,
        AlertSeverity severity,
        Labels labels,
        IReadOnlyDictionary<string, string> annotations,
        double? value,
        DateTimeOffset? since,
        DateTimeOffset? resolvedAt)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        return new AlertFacts(
            fingerprint,
            rule,
            status,
            severity,
            labels,
            annotations.GetValueOrDefault("summary") is { Length: > 0 } summary ? summary : rule,
            annotations.GetValueOrDefault("description") is { Length: > 0 } description ? description : null,
            value,
            since,
            resolvedAt,
            Link(annotations.GetValueOrDefault("runbook_url")),
            Link(annotations.GetValueOrDefault("dashboard_url") ?? annotations.GetValueOrDefault("dashboard")));
    }

    /// <summary>The evidence chart of <paramref name="facts"/>; null when the rule or a matching series is unknown.</summary>
    public async Task<WeeklyChart?> ChartAsync(AlertFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var group = rules?.Groups.FirstOrDefault(g => g.Rules.Any(r => r.Name == facts.Rule));
        var rule = group?.Rules.First(r => r.Name == facts.Rule);
        if (group is null || rule is null)
        {
            return null;
        }

        foreach (var signal in rule.Check.Signals.Order(StringComparer.Ordinal))
        {
            var all = await source.ReadAsync(signal, group.Granularity, cancellationToken);
            var series = all.FirstOrDefault(s => s.Labels.Items.All(l => facts.Labels[l.Name] == l.Value));
            if (series is null || series.Points.All(p => p.Value is null))
            {
                continue;
            }

            var format = FormatOf(series.Unit);
            var threshold = Threshold(rule.Expression, signal);
            var spec = new TimeSeriesChart(
                string.Join(" · ", new[] { signal }.Concat(series.Labels.Items.Where(l => l.Name != "team").Select(l => l.Value))),
                Describe(facts, series, format, threshold, group.Granularity == Granularity.Day ? "day" : "week"),
                ValueList.Of(new TimeSeries(
                    signal,
                    ValueList.From(series.Points.Select(p => TimePoint.OnDate(p.Window.FirstDay, p.Value))),
                    ValueList.From(series.Points.Where(p => p.HasInterval && p.Value is not null).Select(p => BandPoint.OnDate(p.Window.FirstDay, Math.Min(p.Low!.Value, p.Value!.Value), Math.Max(p.High!.Value, p.Value!.Value)))))))
            {
                ValueFormat = format,
                XAxis = TimeAxisKind.CalendarDates,
                Threshold = threshold is { } t ? new ThresholdLine(t, "Threshold") : null,
            };
            return new WeeklyChart(spec, SvgChartRenderer.Render(spec, ChartSize));
        }

        return null;
    }

    /// <summary>How values of a signal with this unit are written.</summary>
    public static ValueFormat FormatOf(SignalUnit unit) => unit switch
    {
        SignalUnit.Seconds => ValueFormat.Duration,
        SignalUnit.Ratio => ValueFormat.Percentage,
        _ => ValueFormat.Number,
    };

    /// <summary>The number a rule compares <paramref name="signal"/> with directly (<c>signal &gt; 3</c>, <c>3 &lt; signal</c>), found anywhere under <c>and</c>/<c>or</c>.</summary>
    private static double? Threshold(Expr expression, string signal) => expression switch
    {
        BinaryExpr { Operator: BinaryOperator.And or BinaryOperator.Or } both => Threshold(both.Left, signal) ?? Threshold(both.Right, signal),
        BinaryExpr { IsComparison: true, Left: SelectorExpr s, Right: NumberLiteral n } when s.Signal == signal => n.Value,
        BinaryExpr { IsComparison: true, Left: NumberLiteral n, Right: SelectorExpr s } when s.Signal == signal => n.Value,
        _ => null,
    };

    private static string Describe(AlertFacts facts, Series series, ValueFormat format, double? threshold, string window)
    {
        var values = series.Points.Where(p => p.Value is not null).ToList();
        var last = values[^1];
        var text = string.Create(CultureInfo.InvariantCulture, $"{series.Signal} for {Labels(series.Labels)}, {window} by {window} over {series.Points.Count} {window}{(series.Points.Count == 1 ? "" : "s")}; ")
            + $"latest ({last.Window}): {ChartValueFormatter.Format(last.Value!.Value, format)}";
        if (threshold is { } t)
        {
            text += $"; the rule's threshold is {ChartValueFormatter.Format(t, format)}";
        }

        return text + $". Evidence for the alert {facts.Rule}.";
    }

    private static string Labels(Labels labels) => string.Join(", ", labels.Items.Select(l => $"{l.Name}={l.Value}"));

    /// <summary>Only absolute http(s) links are kept: a link in an e-mail must not be a script or a relative path.</summary>
    private static string? Link(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.ToString() : null;
}
