namespace Analytics.Signals.Flakiness;

/// <summary>CI time lost to flaky tests once: a run attempt they alone failed, or one retry of a flaky test.</summary>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Run">The run key (source and run id).</param>
/// <param name="Attempt">The run attempt.</param>
/// <param name="At">When it happened: the attempt's queue time, or the retry's start.</param>
/// <param name="Lost">The attempt's duration, or the retry's.</param>
/// <param name="Tests">The flaky tests to blame (ids, ordinal order).</param>
/// <param name="IsAttempt">True for a failed attempt, false for a retry.</param>
internal sealed record ImpactEvent(string Repository, string Run, int Attempt, DateTimeOffset At, TimeSpan Lost, IReadOnlyList<string> Tests, bool IsAttempt)
{
    /// <summary>A failed first attempt: the run was disrupted.</summary>
    public bool DisruptedRun => IsAttempt && Attempt == 1;

    /// <summary>The impact of events, counting each run and attempt once.</summary>
    public static FlakyImpact Sum(IEnumerable<ImpactEvent> events)
    {
        var list = events.ToList();
        return new FlakyImpact(
            list.Where(e => e.DisruptedRun).Select(e => (e.Repository, e.Run)).Distinct().Count(),
            list.Count(e => e.IsAttempt),
            list.Count(e => !e.IsAttempt),
            TimeSpan.FromTicks(list.Sum(e => e.Lost.Ticks)));
    }

    /// <summary>The impact of events on one test: counts whole, time shared among the tests blamed.</summary>
    public static FlakyImpact ForTest(IEnumerable<ImpactEvent> events, string testId)
    {
        var list = events.Where(e => e.Tests.Contains(testId, StringComparer.Ordinal)).ToList();
        return Sum(list) with { LostCiTime = TimeSpan.FromTicks(list.Sum(e => e.Lost.Ticks / e.Tests.Count)) };
    }
}
