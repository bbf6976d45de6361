using Analytics.Storage;

namespace Analytics.Benchmarks.Signals;

/// <summary>How a store of the large organisation came to be, and what it holds.</summary>
/// <param name="Store">The store.</param>
/// <param name="Took">How long generating and writing it took; null when an earlier run's store was reused.</param>
/// <param name="Counts">Records per table.</param>
internal sealed record Generation(StoreKind Store, TimeSpan? Took, IReadOnlyList<(string Table, long Count)> Counts);
