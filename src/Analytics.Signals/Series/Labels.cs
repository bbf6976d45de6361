using Analytics.Domain.Common;

namespace Analytics.Signals.Series;

/// <summary>
/// The labels that tell apart the series of one signal (team, repository, workflow, …), kept sorted by name so equal
/// label sets are equal values. The default value has no labels.
/// </summary>
public readonly record struct Labels
{
    private readonly ValueList<Label> _items;

    private Labels(ValueList<Label> items) => _items = items;

    /// <summary>The labels, sorted by name.</summary>
    public IReadOnlyList<Label> Items => _items;

    /// <summary>Creates a label set; a name given twice is an error.</summary>
    /// <exception cref="ArgumentException">A name is blank or repeated.</exception>
    public static Labels Of(params Label[] labels)
    {
        var sorted = labels.OrderBy(l => l.Name, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            Guard.NotBlank(sorted[i].Name, "name");
            if (i > 0 && sorted[i].Name == sorted[i - 1].Name)
            {
                throw new ArgumentException($"label '{sorted[i].Name}' is given twice", nameof(labels));
            }
        }

        return new Labels(ValueList.From(sorted));
    }

    /// <summary>The value of a label, or null.</summary>
    public string? this[string name] => _items.FirstOrDefault(l => l.Name == name).Value;

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _items) + "}";
}
