namespace Analytics.Host.Server.Web;

/// <summary>A team member.</summary>
/// <param name="Id">Their id in the teams file.</param>
/// <param name="Name">Their name.</param>
/// <param name="Accounts">Their accounts as <c>source:account</c>.</param>
internal sealed record MemberView(string Id, string Name, IReadOnlyList<string> Accounts);
