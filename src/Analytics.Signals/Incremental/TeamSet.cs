namespace Analytics.Signals.Incremental;

/// <summary>
/// Some of a request's teams, the ones a change reaches: the signal cache recomputes a team-separable signal's windows
/// for these teams only. Equality is by the ids.
/// </summary>
internal sealed class TeamSet : IEquatable<TeamSet>
{
    private readonly string _key;

    /// <summary>No team: a change to a record no team owns.</summary>
    public static TeamSet None { get; } = new([]);

    /// <summary>A set of the teams with <paramref name="ids"/>.</summary>
    public TeamSet(IEnumerable<string> ids)
    {
        Ids = new SortedSet<string>(ids, StringComparer.Ordinal);
        _key = string.Join('\n', Ids);
    }

    /// <summary>The teams' ids.</summary>
    public IReadOnlySet<string> Ids { get; }

    /// <summary>The request's teams in this set, in the request's order (which decides who owns a shared repository).</summary>
    public IReadOnlyList<Domain.People.Team> Of(SignalRequest request) => request.Teams.Where(t => Ids.Contains(t.Id)).ToList();

    /// <inheritdoc />
    public bool Equals(TeamSet? other) => other is not null && _key == other._key;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TeamSet);

    /// <inheritdoc />
    public override int GetHashCode() => _key.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", Ids) + "}";
}
