namespace Analytics.Signals.Incremental;

/// <summary>
/// What one signal reads from the store and how far each row reaches: the declaration the signal cache recomputes
/// windows by. Equality is by reference.
/// </summary>
/// <param name="Signal">The signal's name.</param>
/// <param name="Reads">Every entity it reads.</param>
/// <param name="RecomputedWhole">
/// Whether every window depends on the whole period (change points over the series, analyses over the request's span):
/// then any change to what it reads recomputes it whole, and an unchanged store serves it from the cache.
/// </param>
public sealed record SignalFootprint(string Signal, IReadOnlyList<EntityFootprint> Reads, bool RecomputedWhole = false)
{
    /// <summary>
    /// Whether each of its series belongs to one team (a <c>team</c> label) and depends only on the records of that
    /// team's repositories (and, for deployments, services): then a change is recomputed only for the teams whose
    /// repositories it names (<see cref="SignalFootprints.PerTeam"/>).
    /// </summary>
    public bool PerTeam { get; init; }

    /// <summary>
    /// Whether which series it has depends on the whole store rather than on the windows a change reaches (whether a
    /// team has sprints at all): a recomputed span whose series are not the cached ones, or a change placed outside the
    /// period, then recomputes the whole request (<see cref="SignalFootprints.SeriesSetOfWholeStore"/>).
    /// </summary>
    public bool SeriesSetOfWholeStore { get; init; }
}
