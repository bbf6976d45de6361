namespace Analytics.Signals.Flakiness;

/// <summary>
/// What flaky failures cost. The default value costs nothing. Definitions: <c>docs/signals/tests.flaky_ci_time.md</c>.
/// </summary>
/// <param name="DisruptedRuns">Runs whose first attempt failed only because of flaky tests.</param>
/// <param name="FailedAttempts">Run attempts (first or later) that failed only because of flaky tests.</param>
/// <param name="RetriedExecutions">Retries (<c>Execution &gt; 0</c>) of flaky tests outside those attempts.</param>
/// <param name="LostCiTime">
/// The duration (start to finish) of those attempts plus the duration of those retries. In per-test figures an attempt
/// failed by several flaky tests counts whole in each test's run and attempt counts, while its time is shared equally, so
/// per-test times add up to the repository's.
/// </param>
public readonly record struct FlakyImpact(int DisruptedRuns, int FailedAttempts, int RetriedExecutions, TimeSpan LostCiTime)
{
    /// <summary>Adds two impacts.</summary>
    public static FlakyImpact operator +(FlakyImpact left, FlakyImpact right) => new(
        left.DisruptedRuns + right.DisruptedRuns,
        left.FailedAttempts + right.FailedAttempts,
        left.RetriedExecutions + right.RetriedExecutions,
        left.LostCiTime + right.LostCiTime);

    /// <summary>Adds two impacts.</summary>
    public static FlakyImpact Add(FlakyImpact left, FlakyImpact right) => left + right;
}
