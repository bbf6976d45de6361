namespace Analytics.Rules.Language;

/// <summary>One token of an expression.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text (for strings: the unescaped value).</param>
/// <param name="Offset">Where it starts in the expression (0-based character offset).</param>
/// <param name="Number">Its value for numbers (percentages already divided by 100; durations in seconds).</param>
public readonly record struct Token(TokenKind Kind, string Text, int Offset, double Number = 0)
{
    /// <summary>Whether it is the symbol <paramref name="symbol"/>.</summary>
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>Whether it is the keyword <paramref name="keyword"/>.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && Text == keyword;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.String => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
