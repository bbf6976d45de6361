namespace Analytics.Signals.Ownership;

/// <summary>What a read of stored history saw: its commit and file-change rows, and the latest <c>changed_at</c> among them.</summary>
/// <param name="CommitRows">Commit rows read (applied or not).</param>
/// <param name="FileRows">File-change rows read.</param>
/// <param name="HighWater">The latest <c>changed_at</c> of those rows; null when there were none.</param>
internal readonly record struct HistoryRows(int CommitRows, int FileRows, DateTimeOffset? HighWater)
{
    /// <summary>Both reads together.</summary>
    public HistoryRows Plus(HistoryRows other) => new(
        CommitRows + other.CommitRows,
        FileRows + other.FileRows,
        HighWater is not { } a ? other.HighWater : other.HighWater is not { } b ? a : a > b ? a : b);
}
