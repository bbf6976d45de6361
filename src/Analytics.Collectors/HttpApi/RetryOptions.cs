namespace Analytics.Collectors.HttpApi;

/// <summary>How often and how long a source client retries rate-limited and failed requests.</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts per request, the first included (default 5).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first back-off when the server names no wait (default 1 s); doubled on each retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, including a server's Retry-After (default 5 minutes).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The per-request timeout (default 100 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
}
