namespace Analytics.Reports.Charts.Axes;

/// <summary>The calendar unit a time axis ticks on.</summary>
internal enum TimeTickUnit
{
    /// <summary>Whole hours (UTC); labelled "14:00", or "3 Mar" at midnight.</summary>
    Hour = 0,

    /// <summary>Days at midnight UTC; labelled "3 Mar".</summary>
    Day = 1,

    /// <summary>Mondays (ISO weeks); labelled "3 Mar".</summary>
    Week = 2,

    /// <summary>First days of months; labelled "Mar", or "Jan 2027" in January.</summary>
    Month = 3,

    /// <summary>First days of quarters; labelled "Q2 2026".</summary>
    Quarter = 4,

    /// <summary>First days of years; labelled "2026".</summary>
    Year = 5,
}
