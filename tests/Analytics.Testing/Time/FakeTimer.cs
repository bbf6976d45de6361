namespace Analytics.Testing.Time;

/// <summary>A timer of a <see cref="FakeTimeProvider"/>: it fires when the fake clock passes its due time.</summary>
internal sealed class FakeTimer : ITimer
{
    private readonly FakeTimeProvider _owner;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private volatile bool _disposed;

    public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
    {
        _owner = owner;
        _callback = callback;
        _state = state;
    }

    /// <summary>When it fires next; guarded by the owner's lock.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Its period, or null for a one-shot timer; guarded by the owner's lock.</summary>
    public TimeSpan? Period { get; set; }

    /// <summary>Orders timers due at the same instant by when they were scheduled; guarded by the owner's lock.</summary>
    public long Sequence { get; set; }

    /// <inheritdoc />
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidateInterval(dueTime, nameof(dueTime));
        ValidateInterval(period, nameof(period));
        if (_disposed)
        {
            return false;
        }

        _owner.Schedule(this, dueTime, period);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _owner.Unschedule(this);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs the callback unless the timer was disposed meanwhile.</summary>
    public void Fire()
    {
        if (!_disposed)
        {
            _callback(_state);
        }
    }

    // The same bounds as System.Threading.Timer: infinite (-1 ms) or zero and up.
    private static void ValidateInterval(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be Timeout.InfiniteTimeSpan or not negative");
        }
    }
}
