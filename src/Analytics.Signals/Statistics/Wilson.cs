namespace Analytics.Signals.Statistics;

/// <summary>
/// The Wilson score interval for a proportion (Wilson 1927): unlike the normal approximation it stays inside [0, 1] and
/// behaves at small counts and at 0% or 100%, which change failure rates and flake rates often are.
/// </summary>
public static class Wilson
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The 95% interval of <paramref name="successes"/> out of <paramref name="trials"/>; null when there are no trials.</summary>
    public static (double Low, double High)? Interval(int successes, int trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var p = (double)successes / trials;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * trials))) / (1 + (z2 / trials));
        var half = z / (1 + (z2 / trials)) * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
