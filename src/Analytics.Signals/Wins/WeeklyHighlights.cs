using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Wins;

/// <summary>
/// What a team's week shipped, as structured highlights for the weekly report (not a numeric series). Lists are ordered
/// for display: areas by pull requests (most first), the rest newest first. Definition: <c>docs/signals/wins.md</c>.
/// </summary>
/// <param name="Team">The team's id.</param>
/// <param name="Window">The week (or other window) covered.</param>
/// <param name="Areas">Merged pull requests by repository and top folder.</param>
/// <param name="Releases">Successful production deployments.</param>
/// <param name="ResolvedIncidents">Incidents resolved.</param>
/// <param name="ClosedEpics">Epics closed.</param>
public sealed record WeeklyHighlights(
    string Team,
    TimeWindow Window,
    ValueList<AreaHighlight> Areas,
    ValueList<ReleaseHighlight> Releases,
    ValueList<IncidentHighlight> ResolvedIncidents,
    ValueList<EpicHighlight> ClosedEpics)
{
    /// <summary>Whether there is nothing to show.</summary>
    public bool IsEmpty => Areas.Count == 0 && Releases.Count == 0 && ResolvedIncidents.Count == 0 && ClosedEpics.Count == 0;
}
