using Analytics.Domain.Common;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Rules.Language;

/// <summary>
/// Evaluates a type-checked expression (semantics in <c>docs/rules.md</c>). Binary operators between two vectors pair
/// each result with the other side's result whose labels are a subset of its own (like PromQL's <c>on</c> with
/// <c>group_left</c>, chosen automatically); the result keeps the larger label set. Label sets without a value are
/// absent, and an absent operand makes the result absent.
/// </summary>
public static class Evaluator
{
    private const double RobustSigma = 1.4826;
    private const double SignificanceThreshold = 3;
    private const int MinimumBaselineValues = 3;

    /// <summary>Evaluates <paramref name="expression"/>.</summary>
    /// <exception cref="EvaluationException">The data makes a binary match ambiguous.</exception>
    public static Value Evaluate(Expr expression, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(context);
        return expression switch
        {
            NumberLiteral n => new NumberValue(n.Value),
            BoolLiteral b => new BoolValue(b.Value),
            SelectorExpr s => Select(s, context),
            UnaryExpr u => Unary(u, context),
            BinaryExpr b => Binary(b, context),
            CallExpr c => Call(c, context),
            AggregateExpr a => Aggregate(a, context),
            _ => throw new InvalidOperationException($"unknown node {expression.GetType().Name}"),
        };
    }

    private static SeriesSetValue Select(SelectorExpr selector, EvaluationContext context)
    {
        var all = context.Series.TryGetValue(selector.Signal, out var found) ? found : [];
        var picked = new List<Series>();
        foreach (var series in all)
        {
            if (selector.Matchers.All(m => m.Matches(series.Labels)))
            {
                // Points are oldest first, so only the last few can be incomplete; a window's end costs a time-zone lookup.
                var complete = series.Points.Count;
                while (complete > 0 && series.Points[complete - 1].Window.End > context.At)
                {
                    complete--;
                }

                picked.Add(complete == series.Points.Count ? series : series with { Points = ValueList.From(series.Points.Take(complete)) });
            }
        }

        return new SeriesSetValue(picked);
    }

    private static Value Unary(UnaryExpr unary, EvaluationContext context)
    {
        var operand = AsNumeric(Evaluate(unary.Operand, context));
        return (unary.Operator, operand) switch
        {
            (UnaryOperator.Negate, NumberValue n) => new NumberValue(-n.Number),
            (UnaryOperator.Negate, VectorValue v) => v with { Samples = v.Samples.Select(s => s with { Value = -s.Value }).ToList() },
            (UnaryOperator.Not, BoolValue b) => new BoolValue(!b.Truth),
            (UnaryOperator.Not, VectorValue v) => v with { Samples = v.Samples.Select(s => s with { Holds = !s.Holds }).ToList() },
            _ => throw new InvalidOperationException($"'{unary.Operator}' on {operand.GetType().Name} should not pass the type checker"),
        };
    }

    private static Value Binary(BinaryExpr binary, EvaluationContext context)
    {
        var left = AsNumeric(Evaluate(binary.Left, context));
        var right = AsNumeric(Evaluate(binary.Right, context));
        if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            return Logical(binary, left, right);
        }

        switch (left, right)
        {
            case (NumberValue l, NumberValue r):
                return binary.IsComparison ? new BoolValue(Compare(binary.Operator, l.Number, r.Number)) : new NumberValue(Arithmetic(binary.Operator, l.Number, r.Number));
            case (VectorValue l, NumberValue r):
                return new VectorValue(l.Samples.Select(s => Apply(binary, s, s.Value, r.Number)).Where(s => !double.IsNaN(s.Value)).ToList(), binary.IsComparison);
            case (NumberValue l, VectorValue r):
                return new VectorValue(r.Samples.Select(s => Apply(binary, s, l.Number, s.Value)).Where(s => !double.IsNaN(s.Value)).ToList(), binary.IsComparison);
            case (VectorValue l, VectorValue r):
                var samples = new List<Sample>();
                foreach (var (labels, a, b) in Match(binary, l, r))
                {
                    if (a is { } x && b is { } y)
                    {
                        var sample = Apply(binary, new Sample(labels, x.Value, true), x.Value, y.Value);
                        if (!double.IsNaN(sample.Value))
                        {
                            samples.Add(sample);
                        }
                    }
                }

                return new VectorValue(samples, binary.IsComparison);
            default:
                throw new InvalidOperationException($"'{binary.Operator}' on {left.GetType().Name} and {right.GetType().Name} should not pass the type checker");
        }
    }

    /// <summary>Arithmetic keeps the computed value; a comparison keeps the left value as the condition's value (the right when the left is a plain number).</summary>
    private static Sample Apply(BinaryExpr binary, Sample sample, double left, double right)
    {
        if (binary.IsComparison)
        {
            var shown = binary.Left is NumberLiteral && binary.Right is not NumberLiteral ? right : left;
            return sample with { Value = shown, Holds = Compare(binary.Operator, left, right) };
        }

        var value = Arithmetic(binary.Operator, left, right);
        return sample with { Value = double.IsInfinity(value) ? double.NaN : value };
    }

    private static Value Logical(BinaryExpr binary, Value left, Value right)
    {
        var and = binary.Operator == BinaryOperator.And;
        switch (left, right)
        {
            case (BoolValue l, BoolValue r):
                return new BoolValue(and ? l.Truth && r.Truth : l.Truth || r.Truth);
            case (VectorValue l, BoolValue r):
                return l with { Samples = l.Samples.Select(s => s with { Holds = and ? s.Holds && r.Truth : s.Holds || r.Truth }).ToList() };
            case (BoolValue l, VectorValue r):
                return r with { Samples = r.Samples.Select(s => s with { Holds = and ? s.Holds && l.Truth : s.Holds || l.Truth }).ToList() };
            case (VectorValue l, VectorValue r):
                var samples = new List<Sample>();
                foreach (var (labels, a, b) in Match(binary, l, r))
                {
                    if (and && a is { } x && b is { } y)
                    {
                        samples.Add(new Sample(labels, x.Value, x.Holds && y.Holds));
                    }
                    else if (!and)
                    {
                        // "or" keeps label sets present on either side; the value shown is the side that holds.
                        var holds = (a?.Holds ?? false) || (b?.Holds ?? false);
                        var value = a is { Holds: true } || b is null ? a!.Value.Value : b.Value.Value;
                        samples.Add(new Sample(labels, value, holds));
                    }
                }

                return new VectorValue(samples, true);
            default:
                throw new InvalidOperationException($"'{binary.Operator}' on {left.GetType().Name} and {right.GetType().Name} should not pass the type checker");
        }
    }

    /// <summary>
    /// Pairs two vectors' samples: the side whose label names are a subset of the other's is looked up by the other's
    /// labels restricted to those names. Unpaired samples come with null on the other side (used by "or").
    /// </summary>
    private static List<(Labels Labels, Sample? Left, Sample? Right)> Match(BinaryExpr binary, VectorValue left, VectorValue right)
    {
        var leftNames = NamesOf(left);
        var rightNames = NamesOf(right);
        var leftIsWider = rightNames.IsSubsetOf(leftNames);
        var (wide, narrow) = leftIsWider ? (left, right) : (right, left);
        var keyNames = leftIsWider ? rightNames : leftNames.IsSubsetOf(rightNames) ? leftNames : leftNames.Intersect(rightNames).ToHashSet(StringComparer.Ordinal);
        var index = new Dictionary<Labels, Sample>();
        foreach (var sample in narrow.Samples)
        {
            if (!index.TryAdd(Project(sample.Labels, keyNames), sample))
            {
                throw new EvaluationException(binary.Offset, $"two results share the labels {Project(sample.Labels, keyNames)} on one side of '{TypeChecker.Symbol(binary.Operator)}': aggregate that side with 'by (…)'");
            }
        }

        var pairs = new List<(Labels, Sample?, Sample?)>();
        var used = new HashSet<Labels>();
        foreach (var sample in wide.Samples)
        {
            var key = Project(sample.Labels, keyNames);
            Sample? other = index.TryGetValue(key, out var found) ? found : null;
            if (other is not null)
            {
                used.Add(key);
            }

            pairs.Add(leftIsWider ? (sample.Labels, sample, other) : (sample.Labels, other, sample));
        }

        foreach (var (key, sample) in index.Where(e => !used.Contains(e.Key)))
        {
            pairs.Add(leftIsWider ? (sample.Labels, null, sample) : (sample.Labels, sample, null));
        }

        return pairs;
    }

    private static HashSet<string> NamesOf(VectorValue vector) =>
        vector.Samples.SelectMany(s => s.Labels.Items.Select(l => l.Name)).ToHashSet(StringComparer.Ordinal);

    private static Labels Project(Labels labels, IReadOnlySet<string> names) =>
        Labels.Of(labels.Items.Where(l => names.Contains(l.Name)).ToArray());

    private static Value Call(CallExpr call, EvaluationContext context)
    {
        var arguments = call.Arguments.Select(a => Evaluate(a, context)).ToList();
        if (call.Function == "abs")
        {
            return AsNumeric(arguments[0]) switch
            {
                NumberValue n => new NumberValue(Math.Abs(n.Number)),
                VectorValue v => v with { Samples = v.Samples.Select(s => s with { Value = Math.Abs(s.Value) }).ToList() },
                var other => throw new InvalidOperationException($"abs of {other.GetType().Name}"),
            };
        }

        var seriesIndex = call.Function == "quantile_over" ? 1 : 0;
        var set = (SeriesSetValue)arguments[seriesIndex];
        var windows = call.Arguments.Count > seriesIndex + 1
            ? (int)(TimeSpan.FromSeconds(((NumberValue)arguments[seriesIndex + 1]).Number).Ticks / context.Window.Ticks)
            : 1;
        var samples = new List<Sample>();
        foreach (var series in set.Series)
        {
            if (Compute(call.Function, series.Points, windows, arguments) is { } sample)
            {
                samples.Add(new Sample(series.Labels, sample.Value, sample.Holds));
            }
        }

        return new VectorValue(samples, call.Function == "significant");
    }

    private static (double Value, bool Holds)? Compute(string function, IReadOnlyList<SeriesPoint> points, int windows, List<Value> arguments)
    {
        if (points.Count == 0)
        {
            return null;
        }

        var latest = points[^1];
        var range = points.Skip(Math.Max(0, points.Count - windows)).Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var before = points.Take(points.Count - 1).Skip(Math.Max(0, points.Count - 1 - windows)).Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        double? value = function switch
        {
            "last" => latest.Value,
            "observations" => latest.Observations,
            "avg_over" => range.Count == 0 ? null : range.Average(),
            "sum_over" => range.Count == 0 ? null : range.Sum(),
            "min_over" => range.Count == 0 ? null : range.Min(),
            "max_over" => range.Count == 0 ? null : range.Max(),
            "count_over" => range.Count,
            "quantile_over" => Quantile.Of(range, ((NumberValue)arguments[0]).Number),
            "baseline" => Quantile.Median(before),
            "delta" => latest.Value - Quantile.Median(before),
            "change" => Change(latest.Value, Quantile.Median(before)),
            "significant" => latest.Value,
            _ => throw new InvalidOperationException($"unknown function {function}"),
        };
        if (value is null)
        {
            return null;
        }

        if (function != "significant")
        {
            return (value.Value, true);
        }

        return before.Count < MinimumBaselineValues ? null : (value.Value, IsSignificant(value.Value, before));
    }

    private static double? Change(double? last, double? baseline) => (last, baseline) switch
    {
        (null, _) or (_, null) => null,
        ({ } l, 0) => l == 0 ? 0 : null,
        ({ } l, { } b) => (l - b) / Math.Abs(b),
    };

    /// <summary>Outside every baseline value and more than 3 robust standard deviations from the baseline's median.</summary>
    private static bool IsSignificant(double latest, List<double> baseline)
    {
        if (latest >= baseline.Min() && latest <= baseline.Max())
        {
            return false;
        }

        var median = Quantile.Median(baseline)!.Value;
        var spread = RobustSigma * Quantile.Median(baseline.Select(v => Math.Abs(v - median)))!.Value;
        return spread == 0 || Math.Abs(latest - median) > SignificanceThreshold * spread;
    }

    private static VectorValue Aggregate(AggregateExpr aggregate, EvaluationContext context)
    {
        var operand = (VectorValue)AsNumeric(Evaluate(aggregate.Operand, context));
        var by = aggregate.By.ToHashSet(StringComparer.Ordinal);
        var samples = operand.Samples
            .GroupBy(s => Project(s.Labels, by))
            .Select(g =>
            {
                var values = g.Select(s => s.Value).ToList();
                var value = aggregate.Aggregator switch
                {
                    "sum" => values.Sum(),
                    "avg" => values.Average(),
                    "min" => values.Min(),
                    "max" => values.Max(),
                    "median" => Quantile.Median(values)!.Value,
                    _ => values.Count,
                };
                return new Sample(g.Key, value, true);
            })
            .ToList();
        return new VectorValue(samples, false);
    }

    /// <summary>A series set used as a number is its latest complete value, as <c>last(s)</c>.</summary>
    private static Value AsNumeric(Value value) => value is SeriesSetValue set
        ? new VectorValue(set.Series.Where(s => s.Points.Count > 0 && s.Points[^1].Value is not null).Select(s => new Sample(s.Labels, s.Points[^1].Value!.Value, true)).ToList(), false)
        : value;

    private static bool Compare(BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Equal => left == right,
        BinaryOperator.NotEqual => left != right,
        BinaryOperator.Less => left < right,
        BinaryOperator.LessOrEqual => left <= right,
        BinaryOperator.Greater => left > right,
        _ => left >= right,
    };

    private static double Arithmetic(BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        _ => right == 0 ? double.NaN : left / right,
    };
}
