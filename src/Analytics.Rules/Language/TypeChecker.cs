using System.Globalization;
using Analytics.Domain.Common;

namespace Analytics.Rules.Language;

/// <summary>
/// Checks an expression before it ever runs: known signals, labels and functions, argument kinds and counts, ranges
/// that are whole multiples of the group's window, and label sets that can be matched across a binary operator.
/// </summary>
public sealed class TypeChecker
{
    private readonly SignalLabels _signals;
    private readonly TimeSpan _window;
    private readonly List<ExpressionError> _errors = [];
    private readonly List<ExpressionError> _warnings = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private TimeSpan _longest;

    private TypeChecker(SignalLabels signals, TimeSpan window)
    {
        _signals = signals;
        _window = window;
        _longest = window;
    }

    /// <summary>Checks <paramref name="expression"/> for a group whose windows last <paramref name="window"/>.</summary>
    public static CheckResult Check(Expr expression, SignalLabels signals, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(signals);
        var checker = new TypeChecker(signals, window);
        var type = checker.Visit(expression);
        return new CheckResult(checker._errors.Count == 0 ? type : null, checker._errors, checker._warnings, checker._read, checker._longest);
    }

    private ExprType? Visit(Expr expression) => expression switch
    {
        NumberLiteral => ExprType.Number,
        BoolLiteral => ExprType.Bool,
        SelectorExpr selector => VisitSelector(selector),
        UnaryExpr unary => VisitUnary(unary),
        BinaryExpr binary => VisitBinary(binary),
        CallExpr call => VisitCall(call),
        AggregateExpr aggregate => VisitAggregate(aggregate),
        _ => throw new InvalidOperationException($"unknown node {expression.GetType().Name}"),
    };

    private ExprType? VisitSelector(SelectorExpr selector)
    {
        if (!_signals.TryGet(selector.Signal, out var labels))
        {
            var hint = FunctionInfo.Find(selector.Signal) is not null || Parser.Aggregators.Contains(selector.Signal)
                ? $"; '{selector.Signal}' is a function: write {selector.Signal}(…)"
                : Suggest.DidYouMean(selector.Signal, _signals.Names);
            return Error(selector.Offset, $"unknown signal '{selector.Signal}'{hint}");
        }

        _read.Add(selector.Signal);
        if (labels is null)
        {
            _warnings.Add(new ExpressionError(selector.Offset, $"signal '{selector.Signal}' has no declared labels, so its label matchers are not checked"));
        }
        else
        {
            foreach (var matcher in selector.Matchers.Where(m => !labels.Contains(m.Name)))
            {
                _errors.Add(new ExpressionError(matcher.Offset, $"signal '{selector.Signal}' has no label '{matcher.Name}'{Suggest.DidYouMean(matcher.Name, labels)} (its labels: {string.Join(", ", labels.Order(StringComparer.Ordinal))})"));
            }
        }

        return new ExprType(ValueKind.Series, labels);
    }

    private ExprType? VisitUnary(UnaryExpr unary)
    {
        var operand = Visit(unary.Operand);
        if (operand is null)
        {
            return null;
        }

        if (unary.Operator == UnaryOperator.Not)
        {
            return operand.Kind switch
            {
                ValueKind.Bool or ValueKind.Condition => operand,
                _ => Error(unary.Offset, $"'not' needs a condition (such as x > 1), not {operand.Describe()}"),
            };
        }

        return Numeric(operand) ?? Error(unary.Offset, $"'-' needs a number or a vector, not {operand.Describe()}");
    }

    private ExprType? VisitBinary(BinaryExpr binary)
    {
        var left = Visit(binary.Left);
        var right = Visit(binary.Right);
        if (left is null || right is null)
        {
            return null;
        }

        var symbol = Symbol(binary.Operator);
        if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            if (!IsTruth(left) || !IsTruth(right))
            {
                var bad = IsTruth(left) ? right : left;
                return Error(binary.Offset, $"'{symbol}' combines conditions (such as x > 1), not {bad.Describe()}");
            }

            if (left.Kind == ValueKind.Bool && right.Kind == ValueKind.Bool)
            {
                return ExprType.Bool;
            }

            return new ExprType(ValueKind.Condition, Combine(binary, left, right));
        }

        var (l, r) = (Numeric(left), Numeric(right));
        if (l is null || r is null)
        {
            var bad = l is null ? left : right;
            return Error(binary.Offset, $"'{symbol}' needs numbers or vectors on both sides, not {bad.Describe()}");
        }

        if (!l.IsPerLabelSet && !r.IsPerLabelSet)
        {
            return binary.IsComparison ? ExprType.Bool : ExprType.Number;
        }

        return new ExprType(binary.IsComparison ? ValueKind.Condition : ValueKind.Vector, Combine(binary, l, r));
    }

    private ExprType? VisitCall(CallExpr call)
    {
        var function = FunctionInfo.Find(call.Function);
        if (function is null)
        {
            var names = FunctionInfo.All.Select(f => f.Name).Concat(Parser.Aggregators);
            var hint = _signals.TryGet(call.Function, out _)
                ? $"; '{call.Function}' is a signal: wrap it in a function, such as last({call.Function})"
                : Suggest.DidYouMean(call.Function, names);
            return Error(call.Offset, $"unknown function '{call.Function}'{hint}");
        }

        var types = call.Arguments.Select(Visit).ToList();
        if (types.Any(t => t is null))
        {
            return null;
        }

        var expected = function.Signature[(function.Signature.IndexOf('(') + 1)..^1].Split(", ");
        if (call.Arguments.Count != expected.Length)
        {
            return Error(call.Offset, $"{call.Function} takes {expected.Length} argument{(expected.Length == 1 ? "" : "s")}: {function.Signature}");
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var argument = call.Arguments[i];
            var type = types[i]!;
            var ok = expected[i] switch
            {
                "series" => type.Kind == ValueKind.Series,
                "range" => CheckRange(argument),
                "q" => argument is NumberLiteral { Kind: TokenKind.Number or TokenKind.Percent, Value: >= 0 and <= 1 },
                _ => Numeric(type) is not null,
            };
            if (!ok && expected[i] != "range")
            {
                var what = expected[i] switch
                {
                    "series" => "a signal's series, such as ci.run_duration{quantile=\"0.9\"}",
                    "q" => "a number from 0 to 1",
                    _ => "a number or a vector",
                };
                _errors.Add(new ExpressionError(argument.Offset, $"argument {i + 1} of {call.Function} must be {what}, not {type.Describe()} ({function.Signature})"));
            }
        }

        if (_errors.Count > 0)
        {
            return null;
        }

        var series = call.Arguments.Select((a, i) => (Type: types[i]!, Name: expected[i])).FirstOrDefault(a => a.Name == "series").Type;
        return call.Function switch
        {
            "significant" => new ExprType(ValueKind.Condition, series!.Labels),
            "abs" => Numeric(types[0]!),
            _ => new ExprType(ValueKind.Vector, series!.Labels),
        };
    }

    private ExprType? VisitAggregate(AggregateExpr aggregate)
    {
        var operand = Visit(aggregate.Operand);
        if (operand is null)
        {
            return null;
        }

        var vector = Numeric(operand);
        if (vector is null || !vector.IsPerLabelSet)
        {
            return Error(aggregate.Offset, $"{aggregate.Aggregator} aggregates a vector or a series, not {operand.Describe()}");
        }

        if (vector.Labels is { } labels)
        {
            foreach (var name in aggregate.By.Where(n => !labels.Contains(n)))
            {
                _errors.Add(new ExpressionError(aggregate.Offset, $"{aggregate.Aggregator} by ({name}): the operand has no label '{name}'{Suggest.DidYouMean(name, labels)}"));
            }
        }

        return new ExprType(ValueKind.Vector, aggregate.By.ToHashSet(StringComparer.Ordinal));
    }

    private bool CheckRange(Expr argument)
    {
        if (argument is not NumberLiteral { Kind: TokenKind.Duration } literal)
        {
            _errors.Add(new ExpressionError(argument.Offset, "a range must be a duration such as 4w or 28d"));
            return false;
        }

        var range = TimeSpan.FromSeconds(literal.Value);
        if (range < _window || range.Ticks % _window.Ticks != 0)
        {
            _errors.Add(new ExpressionError(argument.Offset, $"range {literal.Text} is not a whole number of this group's {Durations.Format(_window)} windows"));
            return false;
        }

        _longest = range > _longest ? range : _longest;
        return true;
    }

    private IReadOnlySet<string>? Combine(BinaryExpr binary, ExprType left, ExprType right)
    {
        if (!left.IsPerLabelSet)
        {
            return right.Labels;
        }

        if (!right.IsPerLabelSet)
        {
            return left.Labels;
        }

        if (left.Labels is null || right.Labels is null)
        {
            return left.Labels ?? right.Labels;
        }

        if (right.Labels.IsSubsetOf(left.Labels))
        {
            return left.Labels;
        }

        if (left.Labels.IsSubsetOf(right.Labels))
        {
            return right.Labels;
        }

        _errors.Add(new ExpressionError(binary.Offset, string.Create(CultureInfo.InvariantCulture,
            $"cannot match {{{string.Join(", ", left.Labels.Order(StringComparer.Ordinal))}}} with {{{string.Join(", ", right.Labels.Order(StringComparer.Ordinal))}}} across '{Symbol(binary.Operator)}': one side's labels must include the other's; aggregate one side with 'by (…)'")));
        return left.Labels;
    }

    /// <summary>The type as a number: series are read as their latest value; truth values are not numbers.</summary>
    private static ExprType? Numeric(ExprType type) => type.Kind switch
    {
        ValueKind.Number or ValueKind.Vector => type,
        ValueKind.Series => type with { Kind = ValueKind.Vector },
        _ => null,
    };

    private static bool IsTruth(ExprType type) => type.Kind is ValueKind.Bool or ValueKind.Condition;

    private ExprType? Error(int offset, string message)
    {
        _errors.Add(new ExpressionError(offset, message));
        return null;
    }

    internal static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        _ => "/",
    };
}
