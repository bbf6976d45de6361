using Analytics.Domain.Common;

namespace Analytics.Domain.People;

/// <summary>A team member as the teams configuration declares them.</summary>
/// <param name="Id">A stable key for the person, unique across teams.</param>
/// <param name="Name">The name to show.</param>
/// <param name="Accounts">Their accounts in each source (GitHub login, git e-mails, Jira account, PagerDuty user).</param>
public sealed record TeamMember(string Id, string Name, ValueList<IdentityRef> Accounts);
