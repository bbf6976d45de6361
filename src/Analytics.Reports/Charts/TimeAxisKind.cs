namespace Analytics.Reports.Charts;

/// <summary>What the x values of a time-series chart are; it decides whether hour ticks may be used.</summary>
public enum TimeAxisKind
{
    /// <summary>Instants: ticks may fall on hours when the span is short.</summary>
    Instants = 0,

    /// <summary>Calendar dates (points at the start of a UTC day): ticks fall on days or coarser.</summary>
    CalendarDates = 1,
}
