namespace Analytics.Signals.Flakiness;

/// <summary>
/// Commits on which a test both passed and failed in the same job, counted by the narrowest place the two outcomes met.
/// The default value counts nothing.
/// </summary>
/// <param name="Retries">Pass and fail inside one run attempt: a retry (<c>Execution &gt; 0</c>) changed the outcome.</param>
/// <param name="Reruns">Pass and fail in different attempts of one run: a re-run changed the outcome.</param>
/// <param name="SeparateRuns">Pass and fail only across different runs of the same commit.</param>
public readonly record struct FlakyEvidence(int Retries, int Reruns, int SeparateRuns)
{
    /// <summary>Commits with evidence of any kind.</summary>
    public int Total => Retries + Reruns + SeparateRuns;
}
