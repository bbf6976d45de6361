using System.Runtime.CompilerServices;

namespace Analytics.Signals.ChangePoints;

/// <summary>
/// E-Divisive's divergence (Matteson and James 2014) between adjacent pieces X = Z[a..τ) and Y = Z[τ..κ) of an
/// interval, with α = 1 (absolute differences):
/// Q̂(τ, κ) = 2/(n+m)·Σ|x−y| − 2m/((n+m)(n−1))·Σ_{i&lt;k}|xᵢ−xₖ| − 2n/((n+m)(m−1))·Σ_{j&lt;k}|yⱼ−yₖ|, n = |X|, m = |Y|,
/// a within-sample term counting 0 when its sample has one point. This is (nm/(n+m))·Ê, the form in Otava's
/// <c>PairDistanceCalculator</c>.
/// </summary>
internal static class EnergyStatistic
{
    /// <summary>
    /// The split τ of <c>values[start..end)</c> that maximises Q̂(τ, κ) over a &lt; τ &lt; κ ≤ end, with every piece at least
    /// <paramref name="minSegment"/> long; ties go to the smallest τ, then the smallest κ (NumPy's argmax in row-major
    /// order). Null when the interval is too short. O(L²) time and O(L) memory for L = end − start.
    /// </summary>
    // Hot loop: compile it optimised from the first call rather than after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Tau, double QHat)? BestSplit(ReadOnlySpan<double> values, int start, int end, int minSegment)
    {
        var length = end - start;
        if (length < Math.Max(2, 2 * minSegment))
        {
            return null;
        }

        // within[c] = Σ_{start ≤ j < c} |z_j − z_c|: every pair once, by its later member.
        var within = new double[length];
        for (var c = 1; c < length; c++)
        {
            var sum = 0.0;
            var zc = values[start + c];
            for (var j = 0; j < c; j++)
            {
                sum += Math.Abs(values[start + j] - zc);
            }

            within[c] = sum;
        }

        // cross[c] = Σ_{start ≤ i < τ} |z_i − z_c| for the current τ, grown one row per τ.
        var cross = new double[length];
        var withinX = 0.0;
        (int Tau, double QHat)? best = null;
        for (var tau = 1; tau <= length - minSegment; tau++)
        {
            var added = values[start + tau - 1];
            for (var c = tau; c < length; c++)
            {
                cross[c] += Math.Abs(added - values[start + c]);
            }

            withinX += within[tau - 1];
            if (tau < minSegment)
            {
                continue;
            }

            var n = (double)tau;
            var crossSum = 0.0;
            var withinY = 0.0;
            for (var kappa = tau + 1; kappa <= length; kappa++)
            {
                var c = kappa - 1;
                crossSum += cross[c];
                withinY += within[c] - cross[c];
                var m = (double)(kappa - tau);
                if (m < minSegment)
                {
                    continue;
                }

                var q = (2 / (n + m) * crossSum)
                    - (n > 1 ? 2 * m / ((n + m) * (n - 1)) * withinX : 0)
                    - (m > 1 ? 2 * n / ((n + m) * (m - 1)) * withinY : 0);
                if (best is null || q > best.Value.QHat)
                {
                    best = (start + tau, q);
                }
            }
        }

        return best;
    }
}
