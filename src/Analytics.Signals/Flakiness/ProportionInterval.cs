namespace Analytics.Signals.Flakiness;

/// <summary>
/// A proportion with its Wilson score interval (Wilson 1927): unlike the normal approximation it stays inside [0, 1] and
/// gives a non-zero upper bound with no successes (for 95%, about 3.84 / (n + 3.84), close to the "rule of three" 3 / n
/// that signal-science.md §2.1 recommends reporting).
/// </summary>
/// <param name="Successes">How many of the trials succeeded.</param>
/// <param name="Trials">How many trials there were.</param>
/// <param name="Estimate">Successes / trials; 0 without trials.</param>
/// <param name="Lower">The interval's lower bound; 0 without trials.</param>
/// <param name="Upper">The interval's upper bound; 1 without trials (nothing is known).</param>
public readonly record struct ProportionInterval(int Successes, int Trials, double Estimate, double Lower, double Upper)
{
    /// <summary>The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">Between 0 and <paramref name="trials"/>.</param>
    /// <param name="trials">At least 0.</param>
    /// <param name="z">The normal quantile: 1.959964 for 95%.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, or <paramref name="z"/> is not positive.</exception>
    public static ProportionInterval Wilson(int successes, int trials, double z)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (!(z > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "the normal quantile must be positive");
        }

        if (trials == 0)
        {
            return new ProportionInterval(0, 0, 0, 0, 1);
        }

        // centre = (p + z²/2n) / (1 + z²/n); half-width = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new ProportionInterval(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
