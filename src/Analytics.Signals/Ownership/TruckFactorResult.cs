using Analytics.Domain.Common;

namespace Analytics.Signals.Ownership;

/// <summary>The truck factor of a repository or of one of its folders.</summary>
/// <param name="Folder">The folder (a path prefix without trailing slash), or the empty string for the whole repository.</param>
/// <param name="Files">How many counted files it holds (in all its sub-folders).</param>
/// <param name="TruckFactor">
/// How many top authors the greedy algorithm removes before more than half the files are orphaned; 0 when more than
/// half are orphaned already (or there are no files).
/// </param>
/// <param name="Authors">The removed authors, in removal order: the "TF authors".</param>
/// <param name="OrphanedAfter">The share of files without an author once they are removed.</param>
/// <param name="LastChange">When a person last changed one of its files (null when it has none).</param>
public sealed record TruckFactorResult(
    string Folder,
    int Files,
    int TruckFactor,
    ValueList<TruckFactorAuthor> Authors,
    double OrphanedAfter,
    DateTimeOffset? LastChange);
