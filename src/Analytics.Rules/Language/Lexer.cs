using System.Globalization;
using System.Text;

namespace Analytics.Rules.Language;

/// <summary>Splits an expression into tokens. Names may contain dots (<c>review.stale_prs</c>); <c>#</c> starts a comment to the end of the line.</summary>
internal static class Lexer
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "=~", "!~", "<", ">", "=", "+", "-", "*", "/", "(", ")", "{", "}", ","];

    /// <summary>The tokens of <paramref name="text"/>, ending with <see cref="TokenKind.End"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">A character or literal is malformed.</exception>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '#'))
            {
                if (text[i] == '#')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length));
                return tokens;
            }

            var c = text[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(ReadName(text, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c == '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } symbol)
            {
                tokens.Add(new Token(TokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
            else
            {
                var hint = c == '\'' ? "; strings are written in double quotes" : c == '&' || c == '|' ? "; write 'and', 'or'" : "";
                throw new ExpressionSyntaxException(i, $"unexpected character '{c}'{hint}");
            }
        }
    }

    private static Token ReadName(string text, ref int i)
    {
        var start = i;
        while (i < text.Length)
        {
            if (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')
            {
                i++;
            }
            else if (text[i] == '.' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return new Token(TokenKind.Identifier, text[start..i], start);
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E') && i + 1 < text.Length
            && (char.IsAsciiDigit(text[i + 1]) || ((text[i + 1] == '-' || text[i + 1] == '+') && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var digits = text[start..i];
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException(start, $"malformed number '{digits}'");
        }

        if (i < text.Length && text[i] == '%')
        {
            i++;
            return new Token(TokenKind.Percent, text[start..i], start, value / 100);
        }

        if (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            // A duration: digits and units, possibly compound (1h30m).
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            var literal = text[start..i];
            return Durations.TryParse(literal) is { } duration
                ? new Token(TokenKind.Duration, literal, start, duration.TotalSeconds)
                : throw new ExpressionSyntaxException(start, $"malformed duration '{literal}'; write a whole number and a unit: s, m, h, d or w (such as 10m, 2d, 4w)");
        }

        return new Token(TokenKind.Number, digits, start, value);
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i + 1] switch { 'n' => '\n', 't' => '\t', var other => other });
                i += 2;
            }
            else
            {
                value.Append(text[i++]);
            }
        }

        if (i >= text.Length)
        {
            throw new ExpressionSyntaxException(start, "unterminated string: a closing '\"' is missing");
        }

        i++;
        return new Token(TokenKind.String, value.ToString(), start);
    }
}
