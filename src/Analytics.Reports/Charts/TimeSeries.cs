using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>A named line on a <see cref="TimeSeriesChart"/>, with an optional confidence band. Equality is by value.</summary>
public sealed record TimeSeries
{
    /// <summary>Creates a series.</summary>
    /// <param name="name">The name shown in the legend; not blank.</param>
    /// <param name="points">The points, in any order (they are drawn in time order); nulls are gaps.</param>
    /// <param name="band">The confidence band (low/high per instant), drawn as a translucent area; empty for none.</param>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public TimeSeries(string name, ValueList<TimePoint> points, ValueList<BandPoint> band = default)
    {
        Name = Guard.NotBlank(name);
        Points = points;
        Band = band;
    }

    /// <summary>The name shown in the legend.</summary>
    public string Name { get; }

    /// <summary>The points; nulls are gaps.</summary>
    public ValueList<TimePoint> Points { get; }

    /// <summary>The confidence band; empty when there is none.</summary>
    public ValueList<BandPoint> Band { get; }
}
