namespace Analytics.Domain.Work;

/// <summary>
/// What kind of effort a ticket is, for the work-mix signals. Teams map their ticket types, labels and components to these
/// in the teams file (<see cref="WorkTypeMapping"/>); tickets nothing maps are <see cref="Unclassified"/>.
/// </summary>
public enum WorkType
{
    /// <summary>New behaviour for users (<c>feature</c>).</summary>
    Feature,

    /// <summary>Fixing a defect (<c>bug</c>).</summary>
    Bug,

    /// <summary>Paying down technical debt: refactoring, upgrades, removing workarounds (<c>tech-debt</c>).</summary>
    TechDebt,

    /// <summary>Work nobody planned: incidents, interrupts, hot fixes (<c>unplanned</c>).</summary>
    Unplanned,

    /// <summary>Routine upkeep: releases, dependency bumps, housekeeping (<c>chore</c>).</summary>
    Chore,

    /// <summary>Nothing in the mapping matched (<c>unclassified</c>).</summary>
    Unclassified,
}
