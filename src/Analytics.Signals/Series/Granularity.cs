namespace Analytics.Signals.Series;

/// <summary>The length of the calendar windows a series is computed over.</summary>
public enum Granularity
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Calendar quarters.</summary>
    Quarter,
}
