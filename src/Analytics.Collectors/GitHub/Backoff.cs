namespace Analytics.Collectors.GitHub;

/// <summary>Exponential backoff with jitter for retried requests.</summary>
internal static class Backoff
{
    /// <summary>The longest single backoff.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(5);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first).</summary>
    /// <param name="retry">Which retry, from 1.</param>
    /// <param name="baseDelay">The first wait before jitter.</param>
    /// <param name="jitter">A number in [0, 1): the wait is between half and all of <c>base × 2^(retry−1)</c>, so clients
    /// that failed together do not retry together.</param>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var full = baseDelay * Math.Pow(2, Math.Min(retry - 1, 20));
        if (full > Ceiling)
        {
            full = Ceiling;
        }

        return full * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1)));
    }
}
