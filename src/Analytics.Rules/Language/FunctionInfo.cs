namespace Analytics.Rules.Language;

/// <summary>A function of the rule language, for the type checker and the reference in <c>docs/rules.md</c>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Signature">How it is called, such as <c>avg_over(series, range)</c>.</param>
/// <param name="Description">What it returns.</param>
public sealed record FunctionInfo(string Name, string Signature, string Description)
{
    /// <summary>Every function.</summary>
    public static IReadOnlyList<FunctionInfo> All { get; } =
    [
        new("last", "last(series)", "The value of the latest complete window; absent when that window has no value."),
        new("observations", "observations(series)", "How many observations the latest complete window's value rests on."),
        new("avg_over", "avg_over(series, range)", "The mean of the values of the windows in the range (the latest included)."),
        new("sum_over", "sum_over(series, range)", "The sum of the values of the windows in the range."),
        new("min_over", "min_over(series, range)", "The smallest value in the range."),
        new("max_over", "max_over(series, range)", "The largest value in the range."),
        new("count_over", "count_over(series, range)", "How many windows in the range have a value."),
        new("quantile_over", "quantile_over(q, series, range)", "The q-quantile (0 ≤ q ≤ 1, Hyndman–Fan type 7) of the values in the range."),
        new("baseline", "baseline(series, range)", "The median of the windows in the range before the latest one (4w at weekly windows: the 4 weeks before)."),
        new("delta", "delta(series, range)", "last(series) − baseline(series, range)."),
        new("change", "change(series, range)", "The relative change (last − baseline) / baseline; 0 when both are 0, absent when only the baseline is 0."),
        new("significant", "significant(series, range)", "A condition: the latest value lies outside every baseline value and more than 3 robust standard deviations (1.4826 × MAD) from the baseline median; needs 3 baseline values. A placeholder until signals carry confidence intervals."),
        new("abs", "abs(x)", "The absolute value of a number or of each value of a vector."),
    ];

    /// <summary>Finds a function by name; null when unknown.</summary>
    public static FunctionInfo? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}
