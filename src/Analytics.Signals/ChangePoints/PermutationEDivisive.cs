using System.Runtime.CompilerServices;

namespace Analytics.Signals.ChangePoints;

/// <summary>
/// The original E-Divisive with a permutation test, as MongoDB's <c>EDivisive</c> with its NumPy calculator: each
/// cluster's candidate is the τ maximising q̂(τ) = (nm/(n+m))·(2/(nm)·Σ|x−y| − Σ_{i&lt;k}|xᵢ−xₖ|/C(n,2) − Σ_{j&lt;k}|yⱼ−yₖ|/C(m,2))
/// for X = cluster[..τ), Y = cluster[τ..) (κ fixed at the cluster's end); the best candidate over the clusters is
/// accepted when p = #(permutations whose best q̂ ≥ the candidate's) / (permutations + 1) ≤ the threshold, the
/// permutations shuffling every cluster's values within the cluster. O(R·k·n²) for R permutations and k change points.
/// </summary>
internal static class PermutationEDivisive
{
    public static List<(int Index, double PValue)> Detect(double[] values, PermutationOptions options)
    {
        var random = new Random(options.Seed);
        var found = new List<(int Index, double PValue)>();
        var memo = new Dictionary<(int, int), (int Tau, double QHat)>();
        while (true)
        {
            var bounds = Bounds(found, values.Length);
            (int Tau, double QHat)? best = null;
            for (var i = 0; i + 1 < bounds.Count; i++)
            {
                if (!memo.TryGetValue((bounds[i], bounds[i + 1]), out var candidate))
                {
                    candidate = BestTau(values.AsSpan(bounds[i], bounds[i + 1] - bounds[i]));
                    candidate = (candidate.Tau + bounds[i], candidate.QHat);
                    memo[(bounds[i], bounds[i + 1])] = candidate;
                }

                if (best is null || candidate.QHat > best.Value.QHat)
                {
                    best = candidate;
                }
            }

            if (best is not { } accepted)
            {
                return found;
            }

            var higher = 0;
            for (var r = 0; r < options.Permutations; r++)
            {
                var permutedBest = double.NegativeInfinity;
                for (var i = 0; i + 1 < bounds.Count; i++)
                {
                    var cluster = values[bounds[i]..bounds[i + 1]];
                    random.Shuffle(cluster);
                    permutedBest = Math.Max(permutedBest, BestTau(cluster).QHat);
                }

                if (permutedBest >= accepted.QHat)
                {
                    higher++;
                }
            }

            var p = higher / (options.Permutations + 1.0);
            if (p > options.MaxPValue)
            {
                return found;
            }

            found.Add((accepted.Tau, p));
        }
    }

    private static List<int> Bounds(List<(int Index, double PValue)> found, int length) =>
        [0, .. found.Select(f => f.Index).Order(), length];

    /// <summary>The first τ in [0, L) with the largest q̂ (q̂(0) = 0), by MongoDB's incremental sums.</summary>
    // Hot loop: compile it optimised from the first call rather than after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int Tau, double QHat) BestTau(ReadOnlySpan<double> cluster)
    {
        var length = cluster.Length;
        var cross = 0.0;
        var xTerm = 0.0;
        var yTerm = 0.0;
        for (var i = 0; i < length; i++)
        {
            for (var j = i + 1; j < length; j++)
            {
                yTerm += Math.Abs(cluster[i] - cluster[j]);
            }
        }

        var best = (Tau: 0, QHat: double.NegativeInfinity);
        for (var tau = 0; tau < length; tau++)
        {
            double n = tau, m = length - tau;
            var crossReg = n < 1 || m < 1 ? 0 : cross * (2.0 / (n * m));
            var xReg = n < 2 ? 0 : xTerm / (n * (n - 1) / 2);
            var yReg = m < 2 ? 0 : yTerm / (m * (m - 1) / 2);
            var q = n * m / (n + m) * (crossReg - xReg - yReg);
            if (q > best.QHat)
            {
                best = (tau, q);
            }

            var column = 0.0;
            for (var i = 0; i < tau; i++)
            {
                column += Math.Abs(cluster[i] - cluster[tau]);
            }

            var row = 0.0;
            for (var j = tau; j < length; j++)
            {
                row += Math.Abs(cluster[tau] - cluster[j]);
            }

            cross += row - column;
            xTerm += column;
            yTerm -= row;
        }

        return best;
    }
}
