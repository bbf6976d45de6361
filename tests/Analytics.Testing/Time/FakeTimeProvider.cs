using System.Globalization;

namespace Analytics.Testing.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test moves it, written by hand because the
/// Microsoft testing package is not on the registry here. Timers it creates (and so <c>Task.Delay(d, time, ct)</c>,
/// <see cref="PeriodicTimer"/> and <c>CancellationTokenSource(delay, time)</c>) fire when <see cref="Advance"/> or
/// <see cref="SetUtcNow"/> moves the clock past their due time, in due-time order, on the calling thread.
/// </summary>
/// <remarks>
/// The clock starts at 2000-01-01T00:00:00Z unless given another start; the local time zone is UTC unless set.
/// Timestamps (<see cref="GetTimestamp"/>) follow the fake clock, so <see cref="TimeProvider.GetElapsedTime(long)"/>
/// measures fake time. Time never goes backwards. Thread-safe; timer callbacks run outside the internal lock.
/// </remarks>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _scheduled = [];
    private DateTimeOffset _now;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;
    private long _sequence;

    /// <summary>Creates a clock at 2000-01-01T00:00:00Z.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Creates a clock at <paramref name="startTime"/>.</summary>
    /// <param name="startTime">The first value of <see cref="GetUtcNow"/> (converted to UTC).</param>
    public FakeTimeProvider(DateTimeOffset startTime) => _now = startTime.ToUniversalTime();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone
    {
        get
        {
            lock (_lock)
            {
                return _localTimeZone;
            }
        }
    }

    /// <summary>Ticks per second of <see cref="GetTimestamp"/>: one timestamp unit is one <see cref="TimeSpan"/> tick.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The number of timers waiting to fire (disposed, fired one-shot and stopped timers are not counted).</summary>
    public int ScheduledTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _scheduled.Count;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>Returns the fake clock in <see cref="TimeSpan"/> ticks.</summary>
    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _now.UtcTicks;
        }
    }

    /// <summary>Sets the local time zone that <see cref="LocalTimeZone"/> returns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public void SetLocalTimeZone(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        lock (_lock)
        {
            _localTimeZone = timeZone;
        }
    }

    /// <summary>Moves the clock to <paramref name="value"/>, firing every timer due at or before it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is before the current time.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        var target = value.ToUniversalTime();
        lock (_lock)
        {
            if (target < _now)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value), value, $"time must not go backwards (now {_now:O})");
            }
        }

        FireDueTimers(target);
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + delta;
        }

        FireDueTimers(target);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public override string ToString() => GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>(Re)schedules a timer; a due time of zero fires it at once, as a real timer would.</summary>
    internal void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _scheduled.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            timer.Sequence = _sequence++;
            _scheduled.Add(timer);
        }

        if (dueTime == TimeSpan.Zero)
        {
            FireDueTimers(GetUtcNow());
        }
    }

    /// <summary>Stops a timer for good.</summary>
    internal void Unschedule(FakeTimer timer)
    {
        lock (_lock)
        {
            _scheduled.Remove(timer);
        }
    }

    /// <summary>
    /// Fires due timers one at a time, earliest first, with the clock set to each one's due time while its callback
    /// runs, then leaves the clock at <paramref name="target"/>. A callback may create, change or dispose timers.
    /// </summary>
    private void FireDueTimers(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? next;
            lock (_lock)
            {
                next = _scheduled
                    .Where(t => t.DueAt <= target)
                    .OrderBy(t => t.DueAt)
                    .ThenBy(t => t.Sequence)
                    .FirstOrDefault();
                if (next is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt;
                }

                if (next.Period is { } period)
                {
                    next.DueAt += period;
                    next.Sequence = _sequence++;
                }
                else
                {
                    _scheduled.Remove(next);
                }
            }

            next.Fire();
        }
    }
}
