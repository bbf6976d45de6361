namespace Analytics.Host.Server.Web;

/// <summary>A team as the dashboard and <c>/api/teams</c> show it.</summary>
/// <param name="Id">Its id in the teams file.</param>
/// <param name="Name">Its name.</param>
/// <param name="TimeZone">The IANA time zone its windows use.</param>
/// <param name="Members">Its members.</param>
/// <param name="Repositories">The repositories it owns.</param>
/// <param name="Services">The services it runs.</param>
internal sealed record TeamView(string Id, string Name, string TimeZone, IReadOnlyList<MemberView> Members, IReadOnlyList<string> Repositories, IReadOnlyList<string> Services);
