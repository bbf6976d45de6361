namespace Analytics.Signals.Series;

/// <summary>One label of a series, such as <c>team="payments"</c>.</summary>
/// <param name="Name">The label's name.</param>
/// <param name="Value">Its value.</param>
public readonly record struct Label(string Name, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}=\"{Value}\"";
}
