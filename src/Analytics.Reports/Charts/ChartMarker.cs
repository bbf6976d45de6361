using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>A labelled vertical line on a time-series chart. Markers outside the data's time span are not drawn.</summary>
public sealed record ChartMarker
{
    /// <summary>Creates a marker.</summary>
    /// <param name="at">When.</param>
    /// <param name="label">The short label written next to the line, such as "v2.3" or "change"; not blank.</param>
    /// <param name="kind">What it stands for.</param>
    /// <exception cref="ArgumentException">The label is blank.</exception>
    public ChartMarker(DateTimeOffset at, string label, MarkerKind kind = MarkerKind.ChangePoint)
    {
        At = at;
        Label = Guard.NotBlank(label);
        Kind = kind;
    }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The label written next to the line.</summary>
    public string Label { get; }

    /// <summary>What it stands for.</summary>
    public MarkerKind Kind { get; }
}
