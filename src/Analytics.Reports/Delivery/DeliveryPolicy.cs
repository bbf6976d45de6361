namespace Analytics.Reports.Delivery;

/// <summary>
/// How the <see cref="DeliveryWorker"/> retries: the n-th failed attempt waits
/// <c>min(MaxBackoff, InitialBackoff × 2^(n−1))</c>, jittered to between half and all of it (so nodes and messages
/// that failed together do not retry together), and at least what the receiver asked for; after
/// <see cref="MaxAttempts"/> attempts the message is marked failed.
/// </summary>
public sealed record DeliveryPolicy
{
    /// <summary>The defaults: 8 attempts, 1 minute doubling to at most 1 hour (about 4 hours in all), 10-minute claims.</summary>
    public static DeliveryPolicy Default { get; } = new();

    /// <summary>Attempts before a message is marked failed (default 8); at least 1.</summary>
    public int MaxAttempts { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, "must be 1 or more"); } = 8;

    /// <summary>The wait after the first failed attempt (default 1 minute); positive.</summary>
    public TimeSpan InitialBackoff { get; init => field = Positive(value, nameof(InitialBackoff)); } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between attempts (default 1 hour); positive.</summary>
    public TimeSpan MaxBackoff { get; init => field = Positive(value, nameof(MaxBackoff)); } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claimed message is left to the worker that claimed it (default 10 minutes). A worker that dies
    /// mid-send leaves it claimed this long; then another attempt starts. Must exceed every channel's timeout.
    /// </summary>
    public TimeSpan Lease { get; init => field = Positive(value, nameof(Lease)); } = TimeSpan.FromMinutes(10);

    /// <summary>Messages claimed per transaction (default 20); at least 1.</summary>
    public int BatchSize { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "must be 1 or more"); } = 20;

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones, before jitter.</summary>
    /// <param name="attempts">Attempts made so far (1 or more).</param>
    public TimeSpan BackoffAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min(MaxBackoff.Ticks, InitialBackoff.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "must be positive");
}
