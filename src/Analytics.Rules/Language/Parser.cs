namespace Analytics.Rules.Language;

/// <summary>
/// A recursive-descent parser with precedence climbing for rule expressions (grammar in <c>docs/rules.md</c>). Loosest to
/// tightest: <c>or</c>; <c>and</c>; <c>not</c>; comparisons (which do not chain); <c>+ -</c>; <c>* /</c>; unary minus.
/// </summary>
public sealed class Parser
{
    /// <summary>The aggregation operators, written <c>median by (team) (expr)</c> or <c>sum(expr)</c>.</summary>
    public static readonly IReadOnlyList<string> Aggregators = ["sum", "avg", "min", "max", "median", "count"];

    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int ComparisonLevel = 4;
    private const int AdditiveLevel = 5;
    private const int MultiplicativeLevel = 6;
    private const int UnaryLevel = 7;

    private readonly List<Token> _tokens;
    private int _position;

    private Parser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_position];

    /// <summary>Parses an expression; a syntax error is returned, not thrown.</summary>
    public static ParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var parser = new Parser(Lexer.Tokenize(text));
            if (parser.Current.Kind == TokenKind.End)
            {
                return new ParseResult(null, new ExpressionError(0, "the expression is empty"));
            }

            var expression = parser.ParseExpression(OrLevel);
            if (parser.Current.Kind != TokenKind.End)
            {
                var hint = parser.Current.Kind == TokenKind.Identifier ? "; combine conditions with 'and' or 'or'" : "";
                throw new ExpressionSyntaxException(parser.Current.Offset, $"unexpected {parser.Current.Describe()} after a complete expression{hint}");
            }

            return new ParseResult(expression, null);
        }
        catch (ExpressionSyntaxException e)
        {
            return new ParseResult(null, new ExpressionError(e.Offset, e.Message));
        }
    }

    /// <summary>Parses a bare list of label matchers, <c>{team="payments", alertname=~"Stale.*"}</c>, as silences store them.</summary>
    public static (IReadOnlyList<LabelMatcher>? Matchers, ExpressionError? Error) ParseMatchers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var parser = new Parser(Lexer.Tokenize(text));
            var matchers = parser.ParseMatcherList();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw new ExpressionSyntaxException(parser.Current.Offset, $"unexpected {parser.Current.Describe()} after the matchers");
            }

            return (matchers, null);
        }
        catch (ExpressionSyntaxException e)
        {
            return (null, new ExpressionError(e.Offset, e.Message));
        }
    }

    private static (BinaryOperator Operator, int Level)? InfixOf(Token token) => token switch
    {
        { Kind: TokenKind.Identifier, Text: "or" } => (BinaryOperator.Or, OrLevel),
        { Kind: TokenKind.Identifier, Text: "and" } => (BinaryOperator.And, AndLevel),
        { Kind: TokenKind.Symbol, Text: "==" } => (BinaryOperator.Equal, ComparisonLevel),
        { Kind: TokenKind.Symbol, Text: "!=" } => (BinaryOperator.NotEqual, ComparisonLevel),
        { Kind: TokenKind.Symbol, Text: "<" } => (BinaryOperator.Less, ComparisonLevel),
        { Kind: TokenKind.Symbol, Text: "<=" } => (BinaryOperator.LessOrEqual, ComparisonLevel),
        { Kind: TokenKind.Symbol, Text: ">" } => (BinaryOperator.Greater, ComparisonLevel),
        { Kind: TokenKind.Symbol, Text: ">=" } => (BinaryOperator.GreaterOrEqual, ComparisonLevel),
        { Kind: TokenKind.Symbol, Text: "+" } => (BinaryOperator.Add, AdditiveLevel),
        { Kind: TokenKind.Symbol, Text: "-" } => (BinaryOperator.Subtract, AdditiveLevel),
        { Kind: TokenKind.Symbol, Text: "*" } => (BinaryOperator.Multiply, MultiplicativeLevel),
        { Kind: TokenKind.Symbol, Text: "/" } => (BinaryOperator.Divide, MultiplicativeLevel),
        _ => null,
    };

    private Expr ParseExpression(int minLevel)
    {
        var left = ParsePrefix();
        while (InfixOf(Current) is { } infix && infix.Level >= minLevel)
        {
            var operatorToken = Next();
            var right = ParseExpression(infix.Level + 1);
            left = new BinaryExpr(operatorToken.Offset, infix.Operator, left, right);
            if (infix.Level == ComparisonLevel && InfixOf(Current) is { Level: ComparisonLevel })
            {
                throw new ExpressionSyntaxException(Current.Offset, $"comparisons do not chain: write 'a {operatorToken.Text} b and b {Current.Text} c'");
            }
        }

        return left;
    }

    private Expr ParsePrefix()
    {
        var token = Current;
        if (token.IsKeyword("not"))
        {
            Next();
            return new UnaryExpr(token.Offset, UnaryOperator.Not, ParseExpression(ComparisonLevel));
        }

        if (token.Is("-"))
        {
            Next();
            return new UnaryExpr(token.Offset, UnaryOperator.Negate, ParseExpression(UnaryLevel));
        }

        if (token.Is("+"))
        {
            Next();
            return ParseExpression(UnaryLevel);
        }

        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.Percent or TokenKind.Duration:
                return new NumberLiteral(token.Offset, token.Number, token.Kind, token.Text);
            case TokenKind.Symbol when token.Text == "(":
                var inner = ParseExpression(OrLevel);
                Expect(")", "to close the '('");
                return inner;
            case TokenKind.Identifier:
                return ParseName(token);
            case TokenKind.String:
                throw new ExpressionSyntaxException(token.Offset, "a string can only be a label matcher's value, as in {team=\"payments\"}");
            case TokenKind.End:
                throw new ExpressionSyntaxException(token.Offset, "the expression ends too early: an operand is missing");
            default:
                throw new ExpressionSyntaxException(token.Offset, $"unexpected {token.Describe()}: expected a number, a signal, a function or '('");
        }
    }

    private Expr ParseName(Token name)
    {
        switch (name.Text)
        {
            case "true" or "false":
                return new BoolLiteral(name.Offset, name.Text == "true");
            case "and" or "or" or "by":
                throw new ExpressionSyntaxException(name.Offset, $"'{name.Text}' needs an operand before it");
        }

        if (Aggregators.Contains(name.Text) && (Current.IsKeyword("by") || Current.Is("(")))
        {
            var by = new List<string>();
            if (Current.IsKeyword("by"))
            {
                Next();
                Expect("(", "after 'by'");
                while (!Current.Is(")"))
                {
                    var label = Next();
                    if (label.Kind != TokenKind.Identifier)
                    {
                        throw new ExpressionSyntaxException(label.Offset, $"expected a label name in 'by (…)', found {label.Describe()}");
                    }

                    by.Add(label.Text);
                    if (!Current.Is(")"))
                    {
                        Expect(",", "between label names");
                    }
                }

                Next();
            }

            Expect("(", $"before the expression {name.Text} aggregates");
            var operand = ParseExpression(OrLevel);
            Expect(")", $"to close {name.Text}(…)");
            return new AggregateExpr(name.Offset, name.Text, by, operand);
        }

        if (Current.Is("("))
        {
            Next();
            var arguments = new List<Expr>();
            while (!Current.Is(")"))
            {
                arguments.Add(ParseExpression(OrLevel));
                if (!Current.Is(")"))
                {
                    Expect(",", $"between the arguments of {name.Text}(…)");
                }
            }

            Next();
            return new CallExpr(name.Offset, name.Text, arguments);
        }

        var matchers = Current.Is("{") ? ParseMatcherList() : [];
        return new SelectorExpr(name.Offset, name.Text, matchers);
    }

    private List<LabelMatcher> ParseMatcherList()
    {
        Expect("{", "to start the label matchers");
        var matchers = new List<LabelMatcher>();
        while (!Current.Is("}"))
        {
            var name = Next();
            if (name.Kind != TokenKind.Identifier)
            {
                throw new ExpressionSyntaxException(name.Offset, $"expected a label name, found {name.Describe()}");
            }

            var op = Next();
            var matchOperator = op.Kind != TokenKind.Symbol ? (MatchOperator?)null : op.Text switch
            {
                "=" => MatchOperator.Equal,
                "==" => MatchOperator.Equal,
                "!=" => MatchOperator.NotEqual,
                "=~" => MatchOperator.Regex,
                "!~" => MatchOperator.NotRegex,
                _ => null,
            };
            if (matchOperator is null)
            {
                throw new ExpressionSyntaxException(op.Offset, $"expected =, !=, =~ or !~ after label '{name.Text}', found {op.Describe()}");
            }

            var value = Next();
            if (value.Kind != TokenKind.String)
            {
                throw new ExpressionSyntaxException(value.Offset, $"a label value must be a double-quoted string, as in {name.Text}{op.Text}\"…\"");
            }

            var matcher = new LabelMatcher(name.Offset, name.Text, matchOperator.Value, value.Text);
            if (matchOperator is MatchOperator.Regex or MatchOperator.NotRegex)
            {
                try
                {
                    _ = matcher.Pattern;
                }
                catch (ArgumentException e)
                {
                    throw new ExpressionSyntaxException(value.Offset, $"invalid regular expression \"{value.Text}\": {e.Message}");
                }
            }

            matchers.Add(matcher);
            if (!Current.Is("}"))
            {
                Expect(",", "between label matchers");
            }
        }

        Next();
        return matchers;
    }

    private Token Next()
    {
        var token = _tokens[_position];
        if (_position < _tokens.Count - 1)
        {
            _position++;
        }

        return token;
    }

    private void Expect(string symbol, string why)
    {
        if (!Current.Is(symbol))
        {
            throw new ExpressionSyntaxException(Current.Offset, $"expected '{symbol}' {why}, found {Current.Describe()}");
        }

        Next();
    }
}
