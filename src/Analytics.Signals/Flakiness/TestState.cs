namespace Analytics.Signals.Flakiness;

/// <summary>What a test's recent history says about it. When several apply, broken wins over flaky, flaky over healthy (Trunk's precedence).</summary>
public enum TestState
{
    /// <summary>No verdict: fewer run attempts in the window than <see cref="FlakinessOptions.MinimumRuns"/>.</summary>
    NotEnoughRuns,

    /// <summary>Neither flaky nor broken, or flaky once and recovered.</summary>
    Healthy,

    /// <summary>Passed and failed with the same code, often enough and recently enough.</summary>
    Flaky,

    /// <summary>Failed, and never passed, on each of the latest commits of a default branch.</summary>
    Broken,
}
