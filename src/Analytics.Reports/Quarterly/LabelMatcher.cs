using Analytics.Signals.Series;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// Selects a check's series by one label: <c>branch: main</c> keeps series whose <c>branch</c> is <c>main</c>;
/// <c>branch: "!other"</c> keeps those whose branch is anything but <c>other</c>. A missing label counts as the empty
/// value, so <c>folder: ""</c> selects whole-repository series.
/// </summary>
/// <param name="Name">The label's name.</param>
/// <param name="Value">The value compared with.</param>
/// <param name="Negated">Whether series must differ from <paramref name="Value"/> rather than equal it.</param>
public sealed record LabelMatcher(string Name, string Value, bool Negated)
{
    /// <summary>Whether <paramref name="labels"/> satisfy the matcher.</summary>
    public bool Matches(Labels labels) => string.Equals(labels[Name] ?? "", Value, StringComparison.Ordinal) != Negated;

    /// <summary><c>name="value"</c> or <c>name!="value"</c>.</summary>
    public override string ToString() => $"{Name}{(Negated ? "!=" : "=")}\"{Value}\"";
}
