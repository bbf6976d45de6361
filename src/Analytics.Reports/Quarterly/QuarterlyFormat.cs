using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Signals.Series;

namespace Analytics.Reports.Quarterly;

/// <summary>How the quarterly review writes check values, thresholds and rules, so the HTML and PDF say the same.</summary>
public static class QuarterlyFormat
{
    /// <summary>The chart value format of a signal unit.</summary>
    public static ValueFormat FormatOf(SignalUnit unit) => unit switch
    {
        SignalUnit.Seconds => ValueFormat.Duration,
        SignalUnit.Ratio => ValueFormat.Percentage,
        _ => ValueFormat.Number,
    };

    /// <summary>A check's value ("3.5 h", "12%", "4.2/week"); "no data" for null.</summary>
    public static string Value(MaturityCheck check, double? value)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (value is not { } v)
        {
            return "no data";
        }

        var text = ChartValueFormatter.Format(v, FormatOf(check.Unit));
        return check.Dora == DoraMetric.DeploymentFrequency ? text + "/week" : text;
    }

    /// <summary>The rule at a level: "≥ 1/week", "≤ 15%", "&lt; 1 d" (the DORA bands' own edges).</summary>
    public static string Threshold(MaturityCheck check, MaturityLevel level)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.ThresholdFor(level) is not { } threshold)
        {
            return "–";
        }

        var comparison = check.Comparison;
        if (check.Dora is DoraMetric.LeadTime && level == MaturityLevel.Optimising || check.Dora is DoraMetric.RecoveryTime && level != MaturityLevel.Managed)
        {
            comparison = Comparison.Below; // The DORA bands' strict edges: elite lead time < 1 day, recovery < 1 hour and < 1 day.
        }

        var symbol = comparison switch
        {
            Comparison.AtLeast => "≥",
            Comparison.Above => ">",
            Comparison.AtMost => "≤",
            _ => "<",
        };
        return $"{symbol} {Value(check, threshold)}";
    }

    /// <summary>How the value is taken: "median of the quarter", "mean of weekly values, worst series".</summary>
    public static string Method(MaturityCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var aggregation = check.Aggregation switch
        {
            CheckAggregation.Quarter => "over the quarter",
            CheckAggregation.WeeklyMean => "mean of weekly values",
            CheckAggregation.WeeklyMedian => "median of weekly values",
            CheckAggregation.WeeklyMin => "lowest weekly value",
            _ => "highest weekly value",
        };
        var across = check.Across switch
        {
            SeriesCombination.Sum => "summed over series",
            SeriesCombination.Mean => "mean over series",
            _ => "worst series",
        };
        return $"{check.Selector}, {aggregation}, {across}";
    }

    /// <summary>A level or "no data".</summary>
    public static string Level(MaturityLevel? level, bool partial = false) =>
        level is { } l ? MaturityLevels.Label(l) + (partial ? "*" : "") : "no data";

    /// <summary>A check status as a word.</summary>
    public static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        _ => "no data",
    };

    /// <summary>"1 Jul – 30 Sep 2026".</summary>
    public static string Dates(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return $"{window.FirstDay.ToString("d MMM", CultureInfo.InvariantCulture)} – {window.EndDay.AddDays(-1).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
    }
}
