namespace Analytics.Storage.Columns;

/// <summary>
/// The distinct strings of one columnar read, each kept once and named by a dense code (0, 1, 2…). Every batch of a read
/// shares its table, so equal strings have equal codes across batches and consumers group by integers, not strings. As a
/// list, the strings in code order.
/// </summary>
public sealed class StringTable : IReadOnlyList<string>
{
    private readonly Dictionary<string, int> _codes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly List<string> _strings = [];

    /// <summary>An empty table.</summary>
    internal StringTable()
    {
        _codes = new Dictionary<string, int>(StringComparer.Ordinal);
        _byChars = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The code that stands for no value (a null text or enum column).</summary>
    public const int Null = -1;

    /// <summary>How many distinct strings the read has met so far.</summary>
    public int Count => _strings.Count;

    /// <summary>The string a code stands for.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a code of this table.</exception>
    public string this[int code] => _strings[code];

    /// <summary>The string a code stands for, or null for <see cref="Null"/>.</summary>
    public string? OrNull(int code) => code == Null ? null : _strings[code];

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => _strings.GetEnumerator();

    /// <inheritdoc />
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The code of <paramref name="value"/>, giving it the next code when it is new.</summary>
    internal int Intern(string value)
    {
        if (!_codes.TryGetValue(value, out var code))
        {
            code = _strings.Count;
            _codes.Add(value, code);
            _strings.Add(value);
        }

        return code;
    }

    /// <summary>The code of the string <paramref name="value"/> spells, making the string only when it is new.</summary>
    internal int Intern(ReadOnlySpan<char> value)
    {
        if (!_byChars.TryGetValue(value, out var code))
        {
            code = Intern(new string(value));
        }

        return code;
    }
}
