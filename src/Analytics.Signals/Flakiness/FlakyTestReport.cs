using Analytics.Domain.Common;

namespace Analytics.Signals.Flakiness;

/// <summary>Every test's verdict at one instant, and what flaky failures cost per repository.</summary>
/// <param name="From">The window's start (included).</param>
/// <param name="AsOf">The window's end (excluded) and the instant of the verdicts.</param>
/// <param name="Options">The thresholds used.</param>
/// <param name="Tests">One verdict per test that passed, failed or errored in the window, by repository and test id.</param>
/// <param name="Repositories">Impact per repository with any test in <paramref name="Tests"/>, by name.</param>
public sealed record FlakyTestReport(
    DateTimeOffset From,
    DateTimeOffset AsOf,
    FlakinessOptions Options,
    ValueList<TestHealth> Tests,
    ValueList<RepositoryImpact> Repositories)
{
    /// <summary>The tests in <paramref name="state"/>.</summary>
    public IEnumerable<TestHealth> InState(TestState state) => Tests.Where(t => t.State == state);
}
