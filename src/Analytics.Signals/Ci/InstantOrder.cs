namespace Analytics.Signals.Ci;

/// <summary>
/// Sorts records by an instant, then a rank (an integer standing for a text, such as a repository's ordinal rank), then
/// whatever else tells them apart: numbers first, and the comparison of the rest only among records equal in both, so
/// a large set of records is sorted without moving the records or comparing their texts. The order is that of a
/// comparison of (instant, rank, rest) over the records themselves.
/// </summary>
internal static class InstantOrder
{
    /// <summary>
    /// The indexes of the records in order: by <paramref name="instants"/> (ticks), then <paramref name="ranks"/>, then
    /// <paramref name="tieBreak"/> of two records' indexes.
    /// </summary>
    public static int[] Of(ReadOnlySpan<long> instants, ReadOnlySpan<int> ranks, Comparison<int> tieBreak)
    {
        var keys = new Key[instants.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new Key(instants[i], ranks[i], i);
        }

        Array.Sort(keys);
        var order = new int[keys.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end].CompareTo(keys[start]) == 0)
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                order[i] = keys[i].Index;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort(tieBreak);
            }

            start = end;
        }

        return order;
    }

    /// <summary>
    /// The rank of each of <paramref name="codes"/> (codes of one read's table of texts, one code per distinct text) by
    /// the ordinal order of its text.
    /// </summary>
    public static Dictionary<int, int> OrdinalRanks(IEnumerable<int> codes, Func<int, string> text) =>
        codes
            .Distinct()
            .Select(code => (Code: code, Text: text(code)))
            .OrderBy(c => c.Text, StringComparer.Ordinal)
            .Select((c, rank) => (c.Code, Rank: rank))
            .ToDictionary(c => c.Code, c => c.Rank);

    /// <summary>What the records are sorted by before their tie-break; compares by instant and rank only.</summary>
    private readonly struct Key(long instant, int rank, int index) : IComparable<Key>
    {
        public long Instant { get; } = instant;

        public int Rank { get; } = rank;

        public int Index { get; } = index;

        public int CompareTo(Key other)
        {
            var order = Instant.CompareTo(other.Instant);
            return order != 0 ? order : Rank.CompareTo(other.Rank);
        }
    }
}
