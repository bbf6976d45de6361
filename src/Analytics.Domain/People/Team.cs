using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.Work;

namespace Analytics.Domain.People;

/// <summary>A team: the unit reports and alerts are made for. Teams come from the teams configuration file.</summary>
/// <param name="Id">A stable key, such as <c>payments</c>.</param>
/// <param name="Name">The name to show.</param>
/// <param name="TimeZone">The IANA time zone in which the team's days and weeks are counted.</param>
/// <param name="Members">The people on the team.</param>
/// <param name="Repositories">Repository full names the team owns.</param>
/// <param name="Services">Services the team runs (incidents are attributed by service).</param>
/// <param name="Email">Where the team's reports and alerts are sent, when configured.</param>
public sealed record Team(
    string Id,
    string Name,
    string TimeZone,
    ValueList<TeamMember> Members,
    ValueList<string> Repositories,
    ValueList<string> Services,
    string? Email)
{
    /// <summary>How its tickets map to work types (the teams file's <c>workTypes</c>); default: the defaults alone.</summary>
    public WorkTypeMapping WorkTypes { get; init; } = WorkTypeMapping.Default;

    /// <summary>What it expects of postmortems (the teams file's <c>postmortems</c>); default <see cref="PostmortemPolicy.Default"/>.</summary>
    public PostmortemPolicy Postmortems { get; init; } = PostmortemPolicy.Default;

    /// <summary>
    /// The team's default working hours, in <see cref="TimeZone"/> unless a member sets their own zone (default
    /// <see cref="People.WorkingHours.Default"/>, 09:00–18:00 Monday to Friday). Used by the off-hours signals.
    /// </summary>
    public WorkingHours WorkingHours { get; init; } = WorkingHours.Default;
}
