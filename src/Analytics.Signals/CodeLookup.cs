using Analytics.Storage.Columns;

namespace Analytics.Signals;

/// <summary>
/// What each string code of a columnar read stands for in a signal's terms (a pull request's index, a person, a team),
/// resolved once per distinct string of the read instead of once per row: a read's codes are dense and shared by its
/// batches, so the lookup is an array index. A new <see cref="StringTable"/> (the next read) starts over.
/// </summary>
/// <typeparam name="T">What a string resolves to.</typeparam>
/// <param name="resolve">Resolves one string; called at most once per distinct string of a read.</param>
internal sealed class CodeLookup<T>(Func<string, T> resolve)
{
    private StringTable? _table;
    private T[] _values = [];
    private bool[] _known = [];

    /// <summary>What <paramref name="code"/> of <paramref name="table"/> stands for (not <see cref="StringTable.Null"/>).</summary>
    public T Get(StringTable table, int code)
    {
        if (!ReferenceEquals(table, _table))
        {
            _table = table;
            Array.Clear(_known);
        }

        if (code >= _known.Length)
        {
            var length = Math.Max(table.Count, Math.Max(code + 1, _known.Length * 2));
            Array.Resize(ref _values, length);
            Array.Resize(ref _known, length);
        }

        if (!_known[code])
        {
            _values[code] = resolve(table[code]);
            _known[code] = true;
        }

        return _values[code];
    }
}
