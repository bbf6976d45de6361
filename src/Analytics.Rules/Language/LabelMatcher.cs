using System.Text.RegularExpressions;
using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>One label condition of a selector, such as <c>team=~"pay.*"</c>. A missing label matches as the empty string.</summary>
/// <param name="Offset">Where it starts in the expression.</param>
/// <param name="Name">The label's name.</param>
/// <param name="Operator">How it compares.</param>
/// <param name="Value">The value or regular expression.</param>
public sealed record LabelMatcher(int Offset, string Name, MatchOperator Operator, string Value)
{
    private Regex? _regex;

    /// <summary>The anchored regular expression for <c>=~</c> and <c>!~</c> (as in PromQL, it must match the whole value).</summary>
    public Regex Pattern => _regex ??= new Regex("^(?:" + Value + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Whether the labels satisfy the matcher.</summary>
    public bool Matches(Labels labels) => Matches(labels[Name] ?? "");

    /// <summary>Whether a label value satisfies the matcher.</summary>
    public bool Matches(string value) => Operator switch
    {
        MatchOperator.Equal => value == Value,
        MatchOperator.NotEqual => value != Value,
        MatchOperator.Regex => Pattern.IsMatch(value),
        _ => !Pattern.IsMatch(value),
    };

    /// <inheritdoc />
    public override string ToString() => Name + Operator switch
    {
        MatchOperator.Equal => "=",
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        _ => "!~",
    } + "\"" + Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
