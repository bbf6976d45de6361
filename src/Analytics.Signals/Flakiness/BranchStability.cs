namespace Analytics.Signals.Flakiness;

/// <summary>
/// How a test's outcomes alternate on one branch in the window, executions in time order (retries included, skips left out).
/// </summary>
/// <param name="Branch">The branch; <c>(none)</c> when results name none.</param>
/// <param name="Executions">Passed, failed and errored executions.</param>
/// <param name="Failures">Failed and errored executions.</param>
/// <param name="Flips">Pass→fail and fail→pass changes between consecutive executions.</param>
/// <param name="FlipRate">Flips / (executions − 1) (BuildButler, Flakiness.io; Apple's flipRate); null below 2 executions.</param>
/// <param name="Entropy">
/// −p·log₂p − (1−p)·log₂(1−p) with p = failures / executions (Apple, Kowalczyk et al. 2020), 0 when p is 0 or 1; null
/// without executions.
/// </param>
public sealed record BranchStability(string Branch, int Executions, int Failures, int Flips, double? FlipRate, double? Entropy)
{
    /// <summary>Builds the figures from an outcome sequence in time order (true = failed or errored).</summary>
    internal static BranchStability Of(string branch, IReadOnlyList<bool> failed)
    {
        var failures = 0;
        var flips = 0;
        for (var i = 0; i < failed.Count; i++)
        {
            failures += failed[i] ? 1 : 0;
            flips += i > 0 && failed[i] != failed[i - 1] ? 1 : 0;
        }

        double? flipRate = failed.Count >= 2 ? (double)flips / (failed.Count - 1) : null;
        return new BranchStability(branch, failed.Count, failures, flips, flipRate, failed.Count == 0 ? null : BinaryEntropy((double)failures / failed.Count));
    }

    /// <summary>Binary entropy in bits of a failure probability.</summary>
    internal static double BinaryEntropy(double p) =>
        p <= 0 || p >= 1 ? 0 : (-p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));
}
