using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Rules.Language;

namespace Analytics.Reports.Weekly;

/// <summary>
/// A team's goal for one headline measure of the weekly report, written in the teams file as
/// <c>pr.cycle_time: "&lt; 2d"</c>. Equality is by value.
/// </summary>
/// <param name="Metric">The measure's key, one of <see cref="GoalMetrics.Formats"/>.</param>
/// <param name="Comparison">How the week's value must compare with <paramref name="Target"/>.</param>
/// <param name="Target">The target in the measure's unit: seconds for durations, a fraction for shares (5% is 0.05), a count.</param>
/// <param name="Text">The goal as written, such as <c>&lt; 2d</c>.</param>
public sealed record TeamGoal(string Metric, GoalComparison Comparison, double Target, string Text)
{
    /// <summary>
    /// Parses a goal: a comparison (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>) and a target in the measure's unit:
    /// a duration (<c>2d</c>, <c>15m</c>, <c>1h30m</c>) for durations, a percentage (<c>5%</c>) for shares, a number otherwise.
    /// </summary>
    /// <param name="metric">The measure's key.</param>
    /// <param name="text">The goal.</param>
    /// <param name="goal">The goal, when it parses.</param>
    /// <param name="error">What is wrong (unknown measure with a suggestion, missing comparison, wrong unit); null when it parses.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string metric, string? text, out TeamGoal? goal, out string? error)
    {
        ArgumentNullException.ThrowIfNull(metric);
        goal = null;
        if (!GoalMetrics.Formats.TryGetValue(metric, out var format))
        {
            error = $"unknown measure '{metric}' for a goal (known: {string.Join(", ", GoalMetrics.Formats.Keys)})"
                + Analytics.Domain.Common.Suggest.DidYouMean(metric, GoalMetrics.Formats.Keys);
            return false;
        }

        var trimmed = text?.Trim() ?? "";
        var (comparison, rest) = trimmed switch
        {
            _ when trimmed.StartsWith("<=", StringComparison.Ordinal) => (GoalComparison.AtMost, trimmed[2..]),
            _ when trimmed.StartsWith(">=", StringComparison.Ordinal) => (GoalComparison.AtLeast, trimmed[2..]),
            _ when trimmed.StartsWith('<') => (GoalComparison.Below, trimmed[1..]),
            _ when trimmed.StartsWith('>') => (GoalComparison.Above, trimmed[1..]),
            _ => ((GoalComparison?)null, trimmed),
        };
        if (comparison is null)
        {
            error = $"goal '{trimmed}' for {metric} must start with <, <=, > or >=, as in \"{Example(format)}\"";
            return false;
        }

        rest = rest.Trim();
        double? target = format switch
        {
            ValueFormat.Duration => Durations.TryParse(rest)?.TotalSeconds,
            ValueFormat.Percentage when rest.EndsWith('%') && double.TryParse(rest[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) => percent / 100,
            ValueFormat.Number when double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
        if (target is not { } value || !double.IsFinite(value))
        {
            error = $"goal '{trimmed}' for {metric}: '{rest}' is not {Unit(format)}, as in \"{Example(format)}\"";
            return false;
        }

        goal = new TeamGoal(metric, comparison.Value, value, trimmed);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="value"/> meets the goal; null when there is no value.</summary>
    public bool? IsMet(double? value) => value is not { } v ? null : Comparison switch
    {
        GoalComparison.Below => v < Target,
        GoalComparison.AtMost => v <= Target,
        GoalComparison.Above => v > Target,
        _ => v >= Target,
    };

    private static string Unit(ValueFormat format) => format switch
    {
        ValueFormat.Duration => "a duration (s, m, h, d, w)",
        ValueFormat.Percentage => "a percentage",
        _ => "a number",
    };

    private static string Example(ValueFormat format) => format switch
    {
        ValueFormat.Duration => "< 2d",
        ValueFormat.Percentage => "<= 5%",
        _ => ">= 10",
    };
}
