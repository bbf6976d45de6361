using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Places a row without times of its own by the row it belongs to: a file change by its commit, a review by its pull
/// request. Equality is by value, the lists by reference.
/// </summary>
/// <param name="Column">The row's column that names the other row (<c>sha</c>, <c>pull_request_id</c>).</param>
/// <param name="Target">The other row's entity.</param>
/// <param name="TargetColumn">The column of <paramref name="Target"/> it matches (<c>sha</c>, <c>source_id</c>).</param>
/// <param name="TimeColumns">The other row's time columns that place the row.</param>
public sealed record TimeVia(string Column, EntityMap Target, string TargetColumn, IReadOnlyList<string> TimeColumns)
{
    /// <summary>
    /// Set when the rows are repositories: the request's teams' repository names. Records are read under the spellings
    /// the teams or the repositories table give (OwnedRepositories) and a repository's row applies to every spelling of
    /// its name (default branches are looked up ignoring case), so a changed repository is placed by its records under
    /// each of those spellings, and counts nowhere when it has none. Null (the default): the rows are matched exactly.
    /// </summary>
    public IReadOnlyList<string>? Repositories { get; init; }

    /// <summary>
    /// With <see cref="Repositories"/>: the signal reads every spelling while the repositories table does not describe
    /// every team repository (OwnedRepositories.OfTeamsWhenDescribedAsync). A changed repository row can then switch
    /// the read between the two, so when <see cref="Target"/> holds records of a team repository under a spelling
    /// neither the teams nor the table give, every window is recomputed.
    /// </summary>
    public bool AnySpelling { get; init; }

    /// <summary>
    /// Whether a row may name no other row: one whose <see cref="Column"/> is empty, or names a row not stored, is placed
    /// by nothing through this read (another read of the same footprint places it by its own times; an incident naming
    /// an unknown deployment blames none). False (the default): such a row can have counted anywhere, and recomputes
    /// everything.
    /// </summary>
    public bool Optional { get; init; }
}
