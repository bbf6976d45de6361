namespace Analytics.Signals.Incremental;

/// <summary>
/// What changed in the store since a watermark, as the instants whose windows must be recomputed and for which teams: a
/// list of half-open spans, or <see cref="Everything"/>. Equality is by reference.
/// </summary>
/// <param name="Everything">Whether every window of every team must be recomputed.</param>
/// <param name="Spans">The spans whose overlapping windows must be recomputed (empty when <paramref name="Everything"/>).</param>
/// <param name="ChangedRows">How many changed or deleted rows were seen (for logs and the benchmark).</param>
internal sealed record ChangedSpans(bool Everything, IReadOnlyList<ReachedSpan> Spans, int ChangedRows)
{
    /// <summary>
    /// The spans sorted and merged where they overlap or touch, clipped to [<paramref name="from"/>, <paramref name="to"/>);
    /// spans outside it are dropped.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> MergeWithin(
        IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> spans, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var result = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (start, end) in spans
            .Select(s => (Start: s.Start < from ? from : s.Start, End: s.End > to ? to : s.End))
            .Where(s => s.Start < s.End)
            .OrderBy(s => s.Start))
        {
            if (result.Count > 0 && start <= result[^1].End)
            {
                result[^1] = (result[^1].Start, end > result[^1].End ? end : result[^1].End);
            }
            else
            {
                result.Add((start, end));
            }
        }

        return result;
    }
}
