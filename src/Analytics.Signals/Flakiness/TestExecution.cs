using Analytics.Domain.Testing;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// One execution of a test, compacted: strings are replaced by indexes into the <see cref="TestHistory"/> that holds it,
/// so a test's history costs a few dozen bytes per execution.
/// </summary>
/// <param name="StartedAt">When it ran.</param>
/// <param name="Commit">Index of the commit.</param>
/// <param name="Run">Index of the run (source and run id).</param>
/// <param name="Attempt">The run attempt.</param>
/// <param name="Job">Index of the job name.</param>
/// <param name="Execution">0 for the first execution in the job, 1 for the first retry…</param>
/// <param name="Branch">Index of the branch.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">How long it ran.</param>
internal readonly record struct TestExecution(
    DateTimeOffset StartedAt,
    int Commit,
    int Run,
    int Attempt,
    int Job,
    int Execution,
    int Branch,
    TestOutcome Outcome,
    TimeSpan Duration)
{
    /// <summary>Failed or errored (FlaPy: an error is a failure; a skip is neither pass nor fail).</summary>
    public bool IsFailure => Outcome is TestOutcome.Failed or TestOutcome.Error;

    /// <summary>Passed, failed or errored: skips say nothing about flakiness.</summary>
    public bool Counts => Outcome != TestOutcome.Skipped;
}
