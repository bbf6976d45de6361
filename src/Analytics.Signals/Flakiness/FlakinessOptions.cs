using Analytics.Domain.Common;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// The thresholds of flaky-test detection. Every default comes from a published tool or study; see
/// <c>docs/signals/tests.flaky.md</c> and <c>signal-science.md</c> §2.1. Equality is by value.
/// </summary>
public sealed record FlakinessOptions
{
    /// <summary>The defaults.</summary>
    public static FlakinessOptions Default { get; } = new();

    /// <summary>
    /// How far back from the instant of the verdict results are considered. Default 14 days: Harness CI looks for pass
    /// and fail on the same commit within a 14-day window.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Below this many run attempts in the window a test gets no verdict (<see cref="TestState.NotEnoughRuns"/>).
    /// Default 10: Trunk Flaky Tests needs 10+ runs per test.
    /// </summary>
    public int MinimumRuns { get; init; } = 10;

    /// <summary>
    /// How many commits with pass-and-fail evidence make a test flaky. Default 1: Google's definition, Trunk's pass-on-retry
    /// monitor, BuildPulse and Mergify flag a test on one pass and one fail with the same code.
    /// </summary>
    public int MinimumFlakyCommits { get; init; } = 1;

    /// <summary>
    /// A test is broken when it failed, and never passed, on each of this many latest tested commits of a default branch.
    /// Default 3: one failing commit can be a genuine mistake fixed by the next; three in a row is a pattern.
    /// </summary>
    public int BrokenCommits { get; init; } = 3;

    /// <summary>
    /// A flaky test returns to healthy only when at least this long has passed since its last pass-and-fail evidence
    /// (and <see cref="RecoveryRuns"/> runs have shown none). Default 7 days: Trunk's recovery period.
    /// </summary>
    public TimeSpan RecoveryPeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A flaky test returns to healthy only after at least this many run attempts since its last evidence (and
    /// <see cref="RecoveryPeriod"/>). Default 5: Harness clears a flaky test after 5 consecutive passes. Requiring runs
    /// as well as days keeps a test that simply stopped running from looking recovered.
    /// </summary>
    public int RecoveryRuns { get; init; } = 5;

    /// <summary>The branches whose latest commits decide <see cref="TestState.Broken"/>. Default <c>main</c>, <c>master</c>.</summary>
    public ValueList<string> DefaultBranches { get; init; } = ValueList.Of("main", "master");

    /// <summary>The normal quantile of the score's two-sided confidence interval. Default 1.959964 (95%).</summary>
    public double ConfidenceZ { get; init; } = 1.959964;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "the flakiness window must be positive");
        }

        if (RecoveryPeriod < TimeSpan.Zero || RecoveryPeriod >= Window)
        {
            throw new ArgumentOutOfRangeException(nameof(RecoveryPeriod), RecoveryPeriod, "the recovery period must be at least zero and shorter than the window");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumRuns, 1, nameof(MinimumRuns));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumFlakyCommits, 1, nameof(MinimumFlakyCommits));
        ArgumentOutOfRangeException.ThrowIfLessThan(BrokenCommits, 1, nameof(BrokenCommits));
        ArgumentOutOfRangeException.ThrowIfNegative(RecoveryRuns, nameof(RecoveryRuns));
        if (!(ConfidenceZ > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceZ), ConfidenceZ, "the confidence quantile must be positive");
        }
    }

    /// <summary>Whether <paramref name="branch"/> is one of <see cref="DefaultBranches"/>.</summary>
    public bool IsDefaultBranch(string? branch) => branch is not null && DefaultBranches.Contains(branch, StringComparer.Ordinal);
}
