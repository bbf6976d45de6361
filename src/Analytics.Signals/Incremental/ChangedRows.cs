using Analytics.Storage.Caching;

namespace Analytics.Signals.Incremental;

/// <summary>An entity's rows changed since a watermark and the deletions recorded since then (<see cref="ChangedRowsMemo"/>).</summary>
/// <param name="Deletions">The deletions, oldest first.</param>
/// <param name="Rewrites">
/// The inserts and rewrites the store records for an entity whose rows count where other rows say
/// (<see cref="Analytics.Storage.Schema.EntityMap.RewritesIgnoring"/>), oldest first; empty for the others.
/// </param>
/// <param name="Rows">
/// The changed rows' values, in the entity's column order, holding only the columns that place a row (the others null);
/// not to be changed.
/// </param>
internal sealed record ChangedRows(IReadOnlyList<StoreDeletion> Deletions, IReadOnlyList<StoreDeletion> Rewrites, IReadOnlyList<object?[]> Rows);
