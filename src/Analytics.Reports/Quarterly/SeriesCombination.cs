namespace Analytics.Reports.Quarterly;

/// <summary>
/// How a check combines a team's several series of one signal (one per repository, workflow, service…) after each was
/// reduced to its quarter value.
/// </summary>
public enum SeriesCombination
{
    /// <summary><c>worst</c> (the default): the value that does worst against the check: the largest for "at most" checks, the smallest for "at least" checks. Every series must meet a level.</summary>
    Worst,

    /// <summary><c>sum</c>: the values added up (for counts).</summary>
    Sum,

    /// <summary><c>mean</c>: the mean of the values.</summary>
    Mean,
}
