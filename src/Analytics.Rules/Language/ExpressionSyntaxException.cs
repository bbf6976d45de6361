namespace Analytics.Rules.Language;

/// <summary>Stops the lexer or parser at the first syntax error; caught by <see cref="Parser.Parse"/> and returned as a value.</summary>
internal sealed class ExpressionSyntaxException(int offset, string message) : Exception(message)
{
    /// <summary>Where the error is.</summary>
    public int Offset { get; } = offset;
}
