namespace Analytics.Storage.Schema;

/// <summary>Durations as decimal seconds, the unit of every duration in files and in the store.</summary>
public static class Seconds
{
    /// <summary>
    /// Converts seconds to a duration, rounding to the nearest tick (<see cref="TimeSpan.FromSeconds(double)"/> can land
    /// one tick short, which would make an unchanged record look changed).
    /// </summary>
    public static TimeSpan ToTimeSpan(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
