using Analytics.Domain.Common;

namespace Analytics.Storage.Columns;

/// <summary>
/// The distinct lists of a columnar read's <see cref="Schema.ColumnKind.TextList"/> columns, each parsed once and named by
/// a dense code, as <see cref="StringTable"/> does for strings: equal lists have equal codes across the read's batches.
/// A stored null is the empty list, as in <see cref="IStore.ReadValuesAsync"/>.
/// </summary>
public sealed class ListTable
{
    private readonly Dictionary<int, int> _codesByText = [];
    private readonly List<ValueList<string>> _lists = [];

    /// <summary>An empty table.</summary>
    internal ListTable()
    {
    }

    /// <summary>How many distinct lists the read has met so far.</summary>
    public int Count => _lists.Count;

    /// <summary>The list a code stands for.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a code of this table.</exception>
    public ValueList<string> this[int code] => _lists[code];

    /// <summary>The code of the list stored as <paramref name="textCode"/> (its text's code in the read's strings), parsing it when new.</summary>
    /// <exception cref="InvalidDataException">The stored text is not a JSON array of strings.</exception>
    internal int Intern(int textCode, StringTable strings, string column)
    {
        if (!_codesByText.TryGetValue(textCode, out var code))
        {
            code = _lists.Count;
            _lists.Add(textCode == StringTable.Null ? ValueList<string>.Empty : Parse(strings[textCode], column));
            _codesByText.Add(textCode, code);
        }

        return code;
    }

    private static ValueList<string> Parse(string text, string column)
    {
        try
        {
            return ValueList.From(System.Text.Json.JsonSerializer.Deserialize<string[]>(text) ?? []);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"stored value of column '{column}' is not a list of strings: {e.Message}", e);
        }
    }
}
