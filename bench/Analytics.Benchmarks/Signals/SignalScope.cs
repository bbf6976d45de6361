namespace Analytics.Benchmarks.Signals;

/// <summary>What a signal is computed over (always in weekly windows).</summary>
internal enum SignalScope
{
    /// <summary>The first team, the quarter 2026-07-01 to 2026-10-01.</summary>
    TeamQuarter,

    /// <summary>Every team, the year ending at <see cref="LargeOrganisation.End"/>.</summary>
    OrgYear,

    /// <summary>Every team (the new batch's included), the last week before <see cref="LargeOrganisation.End"/>.</summary>
    LatestWeek,

    /// <summary>Every team (the new batch's included), the year ending at <see cref="LargeOrganisation.End"/>, through the signal cache.</summary>
    OrgYearCached,
}
