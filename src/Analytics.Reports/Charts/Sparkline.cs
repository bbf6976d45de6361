using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>
/// A tiny line with no axes, values evenly spaced, and a dot on the last value; nulls are gaps. Equality is by value.
/// </summary>
public sealed record Sparkline : ChartSpec
{
    /// <summary>Creates a sparkline.</summary>
    /// <param name="title">The title (only in the SVG <c>&lt;title&gt;</c>; a sparkline draws no text).</param>
    /// <param name="description">The text alternative, such as "Flaky test rate over 12 weeks, now 4%".</param>
    /// <param name="values">The values, oldest first; null (or non-finite) for missing.</param>
    /// <exception cref="ArgumentException">The title or description is blank.</exception>
    public Sparkline(string title, string description, ValueList<double?> values)
        : base(title, description)
    {
        Values = values;
    }

    /// <summary>The values, oldest first.</summary>
    public ValueList<double?> Values { get; }
}
