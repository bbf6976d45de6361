using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>A horizontal dashed line for a threshold or goal, with its label. The value axis always includes it.</summary>
public sealed record ThresholdLine
{
    /// <summary>Creates a threshold line.</summary>
    /// <param name="value">The value, in the chart's units (a fraction for percentages, seconds for durations).</param>
    /// <param name="label">The label, such as "Goal"; the formatted value is appended to it.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    /// <exception cref="ArgumentException">The label is blank.</exception>
    public ThresholdLine(double value, string label)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "must be a finite number");
        }

        Value = value;
        Label = Guard.NotBlank(label);
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <summary>The label.</summary>
    public string Label { get; }
}
