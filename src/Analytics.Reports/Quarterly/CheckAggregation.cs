namespace Analytics.Reports.Quarterly;

/// <summary>How a check reduces a signal to one value for a quarter.</summary>
public enum CheckAggregation
{
    /// <summary>
    /// <c>quarter</c>: the signal computed with the quarter as one window: a count over the quarter, a median over all of
    /// its observations, a share of all of its events; for snapshot signals (truck factor, flaky tests) the value at the
    /// quarter's end.
    /// </summary>
    Quarter,

    /// <summary><c>weekly_mean</c>: the mean of the weekly values of the ISO weeks that start in the quarter (weeks without a value are left out).</summary>
    WeeklyMean,

    /// <summary><c>weekly_median</c>: the median of those weekly values.</summary>
    WeeklyMedian,

    /// <summary><c>weekly_min</c>: the smallest of those weekly values.</summary>
    WeeklyMin,

    /// <summary><c>weekly_max</c>: the largest of those weekly values.</summary>
    WeeklyMax,
}
