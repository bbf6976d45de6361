namespace Analytics.Testing.GitHub;

/// <summary>A fault injected for requests whose path contains <see cref="PathContains"/>, a given number of times.</summary>
public sealed class FakeFault(string pathContains, FakeFaultKind kind, int times, int retryAfterSeconds = 2)
{
    public string PathContains { get; } = pathContains;

    public FakeFaultKind Kind { get; } = kind;

    public int RetryAfterSeconds { get; } = retryAfterSeconds;

    private int _left = times;

    /// <summary>Takes one use of the fault; false when it is used up.</summary>
    public bool TryTake() => Interlocked.Decrement(ref _left) >= 0;
}
