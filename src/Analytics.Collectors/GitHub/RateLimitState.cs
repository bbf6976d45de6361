namespace Analytics.Collectors.GitHub;

/// <summary>The primary rate limit as the last response reported it (<c>x-ratelimit-*</c> headers).</summary>
/// <param name="Limit">Requests allowed per window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="Reset">When the window resets.</param>
/// <param name="Resource">The bucket charged (<c>core</c>, <c>search</c>, <c>graphql</c>…).</param>
internal sealed record RateLimitState(int Limit, int Remaining, DateTimeOffset Reset, string Resource);
