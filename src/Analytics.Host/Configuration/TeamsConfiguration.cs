using Analytics.Domain.People;

namespace Analytics.Host.Configuration;

/// <summary>The contents of the teams file: the teams and the accounts known to be bots.</summary>
/// <param name="Teams">The teams, in file order.</param>
/// <param name="Bots">Accounts to treat as bots in every source.</param>
internal sealed record TeamsConfiguration(IReadOnlyList<Team> Teams, IReadOnlyList<string> Bots)
{
    /// <summary>No teams, no bots: what a missing teams file means.</summary>
    public static TeamsConfiguration Empty { get; } = new([], []);

    /// <summary>Each team's goals for the weekly report (the teams file's <c>goals:</c>), by team id; teams without goals are absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Analytics.Reports.Weekly.TeamGoal>> Goals { get; init; } =
        new Dictionary<string, IReadOnlyList<Analytics.Reports.Weekly.TeamGoal>>();

    /// <summary>Every member of every team (a person on two teams appears once).</summary>
    public IEnumerable<TeamMember> Members => Teams.SelectMany(t => t.Members).DistinctBy(m => m.Id);
}
