namespace Analytics.Rules.Language;

/// <summary>The kinds of token in a rule expression.</summary>
public enum TokenKind
{
    /// <summary>A signal, function or keyword name (<c>review.stale_prs</c>, <c>avg_over</c>, <c>and</c>).</summary>
    Identifier,

    /// <summary>A plain number (<c>0.5</c>, <c>3</c>).</summary>
    Number,

    /// <summary>A duration (<c>10m</c>, <c>2d</c>, <c>4w</c>).</summary>
    Duration,

    /// <summary>A percentage (<c>5%</c>).</summary>
    Percent,

    /// <summary>A double-quoted string (only in label matchers).</summary>
    String,

    /// <summary>An operator or punctuation.</summary>
    Symbol,

    /// <summary>The end of the expression.</summary>
    End,
}
