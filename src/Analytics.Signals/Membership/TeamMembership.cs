using Analytics.Domain.People;

namespace Analytics.Signals.Membership;

/// <summary>
/// Who belongs to which team of a request: the teams file's members, found by any of their accounts. An account is
/// resolved to a person with the request's <see cref="PersonDirectory"/>, so an account merged into a member by e-mail or
/// hint counts too; a configured account the directory never saw still finds its member. Someone listed in two teams
/// belongs to the first team of the request that lists them. A part of a request (<c>SignalRequest.Over</c> for some
/// teams) decides among the whole request's teams, as ownership is decided: a person keeps the key the whole request
/// gives them, and belongs to no team of the part when their team is outside it.
/// </summary>
internal sealed class TeamMembership
{
    private readonly SignalRequest _request;
    private readonly Dictionary<string, Team> _byPerson = new(StringComparer.Ordinal);
    private readonly Dictionary<IdentityRef, (Team Team, string PersonId)> _byAccount = [];
    private readonly HashSet<Team>? _part;

    public TeamMembership(SignalRequest request)
    {
        _request = request;
        _part = request.WholeTeams is null ? null : [.. request.Teams];
        foreach (var team in request.WholeTeams ?? request.Teams)
        {
            foreach (var member in team.Members)
            {
                _byPerson.TryAdd(member.Id, team);
                foreach (var account in member.Accounts)
                {
                    var personId = request.People.Find(account.Source, account.Account)?.Id ?? member.Id;
                    _byPerson.TryAdd(personId, team);
                    _byAccount.TryAdd(account, (team, personId));
                }
            }
        }
    }

    /// <summary>
    /// The person behind an account, as a key (their person id, or the account itself when nobody knows it), and whether
    /// they are a bot.
    /// </summary>
    public (string Key, bool IsBot) PersonOf(string source, string account)
    {
        if (_request.People.Find(source, account) is { } person)
        {
            return (person.Id, person.IsBot);
        }

        return _byAccount.TryGetValue(new IdentityRef(source, account), out var member) ? (member.PersonId, false) : (account, false);
    }

    /// <summary>The team an account's person is a member of, or null when they are in no team of the request.</summary>
    public Team? TeamOf(string source, string? account)
    {
        if (account is null)
        {
            return null;
        }

        if (_request.People.Find(source, account) is { } person && _byPerson.TryGetValue(person.Id, out var team))
        {
            return InThisPart(team);
        }

        return _byAccount.TryGetValue(new IdentityRef(source, account), out var member) ? InThisPart(member.Team) : null;
    }

    private Team? InThisPart(Team team) => _part is null || _part.Contains(team) ? team : null;

    /// <summary>The person keys of a team's members, as <see cref="PersonOf"/> names them.</summary>
    public IEnumerable<string> MembersOf(Team team) => team.Members.Select(KeyOf).Distinct(StringComparer.Ordinal);

    /// <summary>A configured member's person key, as <see cref="PersonOf"/> names them.</summary>
    public string KeyOf(TeamMember member) =>
        member.Accounts.Select(a => _request.People.Find(a.Source, a.Account)?.Id).FirstOrDefault(id => id is not null) ?? member.Id;
}
