using Analytics.Domain.Incidents;
using Analytics.Domain.People;

namespace Analytics.Signals.Postmortems;

/// <summary>An incident that needs a postmortem under its team's policy, and what it got.</summary>
/// <param name="Incident">The incident (resolved).</param>
/// <param name="Team">The team running its service.</param>
/// <param name="DueAt">When the postmortem is due (<see cref="BusinessDays.Deadline"/> from the resolution).</param>
/// <param name="DoneAt">When the first postmortem appeared (document or ticket), or null.</param>
internal sealed record PostmortemCase(Incident Incident, Team Team, DateTimeOffset DueAt, DateTimeOffset? DoneAt)
{
    /// <summary>Whether the postmortem came by its deadline.</summary>
    public bool OnTime => DoneAt is { } done && done < DueAt;

    /// <summary>Whether, at <paramref name="at"/>, the deadline has passed with no postmortem.</summary>
    public bool OverdueAt(DateTimeOffset at) => DueAt <= at && !(DoneAt is { } done && done <= at);
}
