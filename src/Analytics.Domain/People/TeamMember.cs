using Analytics.Domain.Common;

namespace Analytics.Domain.People;

/// <summary>A team member as the teams configuration declares them.</summary>
/// <param name="Id">A stable key for the person, unique across teams.</param>
/// <param name="Name">The name to show.</param>
/// <param name="Accounts">Their accounts in each source (GitHub login, git e-mails, Jira account, PagerDuty user).</param>
public sealed record TeamMember(string Id, string Name, ValueList<IdentityRef> Accounts)
{
    /// <summary>The IANA time zone the member works in; null for the team's (default null).</summary>
    public string? TimeZone { get; init; }

    /// <summary>The member's working hours in their time zone; null for the team's (default null).</summary>
    public WorkingHours? WorkingHours { get; init; }

    /// <summary>The day the member joined the team, when configured (default null); the onboarding signals start there.</summary>
    public DateOnly? Joined { get; init; }
}
