using Analytics.Domain.Common;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// The verdict on one test (a test id in a repository) at one instant, over the window before it, with the evidence behind
/// it. Definitions: <c>docs/signals/tests.flaky.md</c>.
/// </summary>
/// <param name="Repository">The repository's full name.</param>
/// <param name="TestId">The test's id.</param>
/// <param name="State">The verdict.</param>
/// <param name="Since">
/// When the current state began, as far as the window shows: for <see cref="TestState.Flaky"/> the first evidence of the
/// current episode; for <see cref="TestState.Broken"/> the first of the trailing failing default-branch commits; for a
/// healthy test that recovered in the window the instant it recovered; otherwise null (the whole window).
/// </param>
/// <param name="Runs">Run attempts in the window in which the test passed, failed or errored.</param>
/// <param name="Commits">Commits on which it passed, failed or errored.</param>
/// <param name="Executions">Passed, failed and errored executions (retries included).</param>
/// <param name="Failures">Failed and errored executions.</param>
/// <param name="Evidence">Commits with pass-and-fail evidence, by kind.</param>
/// <param name="LastEvidenceAt">When the latest pass-and-fail evidence appeared, or null.</param>
/// <param name="Score">The share of <paramref name="Commits"/> with evidence, with its Wilson interval.</param>
/// <param name="Branches">Flip rate and entropy per branch, by branch name.</param>
/// <param name="Impact">The CI time and runs its flaky failures cost in the window.</param>
public sealed record TestHealth(
    string Repository,
    string TestId,
    TestState State,
    DateTimeOffset? Since,
    int Runs,
    int Commits,
    int Executions,
    int Failures,
    FlakyEvidence Evidence,
    DateTimeOffset? LastEvidenceAt,
    ProportionInterval Score,
    ValueList<BranchStability> Branches,
    FlakyImpact Impact)
{
    /// <summary>Failures / executions; 0 without executions.</summary>
    public double FailureRate => Executions == 0 ? 0 : (double)Failures / Executions;
}
