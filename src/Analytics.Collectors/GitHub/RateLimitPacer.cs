namespace Analytics.Collectors.GitHub;

/// <summary>
/// Decides how long to wait before the next request so the primary rate limit lasts until its reset instead of running
/// into zero: no wait while plenty is left, then the time to the reset spread evenly over what remains.
/// </summary>
internal static class RateLimitPacer
{
    /// <summary>Below this share of the limit requests are spaced out (10%: most runs never wait).</summary>
    public const double ReserveShare = 0.10;

    /// <summary>The wait before the next request.</summary>
    /// <param name="state">The last reported limit, or null before any response.</param>
    /// <param name="now">The current time.</param>
    /// <returns>Zero while more than <see cref="ReserveShare"/> of the limit is left; otherwise the time to the reset
    /// divided by the requests left; the whole time to the reset (plus one second of clock skew) when none is left.</returns>
    public static TimeSpan Delay(RateLimitState? state, DateTimeOffset now)
    {
        if (state is null || state.Reset <= now)
        {
            return TimeSpan.Zero;
        }

        var untilReset = state.Reset - now;
        if (state.Remaining <= 0)
        {
            return untilReset + TimeSpan.FromSeconds(1);
        }

        if (state.Remaining > state.Limit * ReserveShare)
        {
            return TimeSpan.Zero;
        }

        return untilReset / state.Remaining;
    }
}
