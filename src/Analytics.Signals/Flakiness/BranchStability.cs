namespace Analytics.Signals.Flakiness;

/// <summary>
/// How a test's outcomes alternate on one branch in the window, executions in time order (retries included, skips left out).
/// </summary>
/// <param name="Branch">The branch; <c>(none)</c> when results name none.</param>
/// <param name="Executions">Passed, failed and errored executions.</param>
/// <param name="Failures">Failed and errored executions.</param>
/// <param name="Flips">Pass→fail and fail→pass changes between consecutive executions.</param>
/// <param name="FlipRate">Flips / (executions − 1) (BuildButler, Flakiness.io; Apple's flipRate); null below 2 executions.</param>
/// <param name="Disruptions">Flips between consecutive executions of the same commit (BuildPulse): a change of outcome that a code change cannot explain.</param>
/// <param name="DisruptionRate">Disruptions / executions (BuildPulse's "disruption frequency"); null without executions.</param>
/// <param name="Entropy">
/// −p·log₂p − (1−p)·log₂(1−p) with p = failures / executions (Apple, Kowalczyk et al. 2020), 0 when p is 0 or 1; null
/// without executions.
/// </param>
public sealed record BranchStability(
    string Branch, int Executions, int Failures, int Flips, double? FlipRate, int Disruptions, double? DisruptionRate, double? Entropy)
{
    /// <summary>Builds the figures from executions in time order: whether each failed (or errored), and on which commit.</summary>
    internal static BranchStability Of(string branch, IReadOnlyList<(bool Failed, int Commit)> executions)
    {
        int failures = 0, flips = 0, disruptions = 0;
        for (var i = 0; i < executions.Count; i++)
        {
            failures += executions[i].Failed ? 1 : 0;
            if (i > 0 && executions[i].Failed != executions[i - 1].Failed)
            {
                flips++;
                disruptions += executions[i].Commit == executions[i - 1].Commit ? 1 : 0;
            }
        }

        return Of(branch, executions.Count, failures, flips, disruptions);
    }

    /// <summary>Builds the figures from the counts of <paramref name="n"/> executions in time order.</summary>
    internal static BranchStability Of(string branch, int n, int failures, int flips, int disruptions) => new(
        branch,
        n,
        failures,
        flips,
        n >= 2 ? (double)flips / (n - 1) : null,
        disruptions,
        n == 0 ? null : (double)disruptions / n,
        n == 0 ? null : BinaryEntropy((double)failures / n));

    /// <summary>Binary entropy in bits of a failure probability.</summary>
    internal static double BinaryEntropy(double p) =>
        p <= 0 || p >= 1 ? 0 : (-p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));
}
