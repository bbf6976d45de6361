using System.Globalization;
using Analytics.Domain.Common;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Series;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// Reads a maturity file (format in <c>docs/maturity.md</c>). Every problem is reported at file:line:column, as rule
/// files' are; unknown keys and signal names get a "did you mean". A file with any error gives no model.
/// </summary>
public static class MaturityFileParser
{
    private static readonly string[] TopKeys = ["capabilities"];
    private static readonly string[] CapabilityKeys = ["id", "name", "description", "levels", "checks"];
    private static readonly string[] CheckKeys = ["name", "signal", "labels", "aggregate", "across", "compare", "thresholds", "dora", "rationale", "source"];
    private static readonly string[] LevelKeys = MaturityLevels.All.Select(MaturityLevels.Key).ToArray();
    private static readonly string[] ThresholdKeys = MaturityLevels.Checked.Select(MaturityLevels.Key).ToArray();

    private static readonly Dictionary<string, CheckAggregation> Aggregations = new(StringComparer.Ordinal)
    {
        ["quarter"] = CheckAggregation.Quarter,
        ["weekly_mean"] = CheckAggregation.WeeklyMean,
        ["weekly_median"] = CheckAggregation.WeeklyMedian,
        ["weekly_min"] = CheckAggregation.WeeklyMin,
        ["weekly_max"] = CheckAggregation.WeeklyMax,
    };

    private static readonly Dictionary<string, SeriesCombination> Combinations = new(StringComparer.Ordinal)
    {
        ["worst"] = SeriesCombination.Worst,
        ["sum"] = SeriesCombination.Sum,
        ["mean"] = SeriesCombination.Mean,
    };

    private static readonly Dictionary<string, Comparison> Comparisons = new(StringComparer.Ordinal)
    {
        [">="] = Comparison.AtLeast,
        [">"] = Comparison.Above,
        ["<="] = Comparison.AtMost,
        ["<"] = Comparison.Below,
    };

    private static readonly Dictionary<string, (DoraMetric Metric, string Signal)> DoraMetrics = new(StringComparer.Ordinal)
    {
        ["deployment_frequency"] = (DoraMetric.DeploymentFrequency, "dora.deployment_frequency"),
        ["lead_time"] = (DoraMetric.LeadTime, "dora.lead_time"),
        ["change_failure_rate"] = (DoraMetric.ChangeFailureRate, "dora.change_failure_rate"),
        ["recovery_time"] = (DoraMetric.RecoveryTime, "dora.recovery_time"),
    };

    /// <summary>Reads a maturity file from disk.</summary>
    /// <param name="path">The file; diagnostics name it as given.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static MaturityFileResult Load(string path) => Parse(path, File.ReadAllText(path));

    /// <summary>Parses and checks a maturity file's text.</summary>
    /// <param name="file">The file's name, used in diagnostics.</param>
    /// <param name="text">Its contents.</param>
    public static MaturityFileResult Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(file);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            reader.Error((int)e.Start.Line, (int)e.Start.Column, "invalid YAML: " + (e.InnerException?.Message ?? e.Message));
            return reader.Result(null);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            reader.Error(1, 1, "a maturity file is a mapping with 'capabilities' (see docs/maturity.md)");
            return reader.Result(null);
        }

        reader.CheckKeys(root, TopKeys, "the top level");
        if (Child(root, "capabilities") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            reader.Error(Child(root, "capabilities") ?? root, "'capabilities' must be a non-empty list of capabilities");
            return reader.Result(null);
        }

        var capabilities = new List<Capability>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in list)
        {
            if (ParseCapability(reader, node) is { } capability)
            {
                if (!ids.Add(capability.Id))
                {
                    reader.Error(node, $"capability '{capability.Id}' is defined twice");
                }

                capabilities.Add(capability);
            }
        }

        return reader.Result(new MaturityModel(ValueList.From(capabilities)));
    }

    private static Capability? ParseCapability(Reader reader, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            reader.Error(node, "each capability must be a mapping with id, name, description, levels and checks");
            return null;
        }

        reader.CheckKeys(map, CapabilityKeys, "a capability");
        var id = reader.Required(map, "id", "a capability");
        var name = reader.Required(map, "name", "a capability");
        var description = reader.Scalar(map, "description") ?? "";
        var levels = new string[LevelKeys.Length];
        Array.Fill(levels, "");
        if (Child(map, "levels") is { } levelsNode)
        {
            if (levelsNode is YamlMappingNode levelMap)
            {
                reader.CheckKeys(levelMap, LevelKeys, "'levels'");
                for (var i = 0; i < LevelKeys.Length; i++)
                {
                    levels[i] = reader.Scalar(levelMap, LevelKeys[i]) ?? "";
                }
            }
            else
            {
                reader.Error(levelsNode, "'levels' must map initial, managed, defined and optimising to what each means");
            }
        }

        var checks = new List<MaturityCheck>();
        if (Child(map, "checks") is YamlSequenceNode checkNodes && checkNodes.Children.Count > 0)
        {
            foreach (var checkNode in checkNodes)
            {
                if (ParseCheck(reader, checkNode) is { } check)
                {
                    checks.Add(check);
                }
            }
        }
        else
        {
            reader.Error(Child(map, "checks") ?? map, $"capability '{id ?? "?"}' needs 'checks': a non-empty list");
        }

        return id is null || name is null ? null : new Capability(id, name, description, ValueList.From(levels), ValueList.From(checks));
    }

    private static MaturityCheck? ParseCheck(Reader reader, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            reader.Error(node, "each check must be a mapping with name, signal, aggregate, compare and thresholds (or dora)");
            return null;
        }

        var errors = reader.Count;
        reader.CheckKeys(map, CheckKeys, "a check");
        var name = reader.Required(map, "name", "a check");
        var rationale = reader.Required(map, "rationale", "a check");
        var source = reader.Required(map, "source", "a check");
        var signalNode = reader.ScalarNode(map, "signal");
        ISignal? signal = null;
        if (signalNode is null || string.IsNullOrWhiteSpace(signalNode.Value))
        {
            reader.Error(map, "a check needs 'signal'");
        }
        else if ((signal = SignalCatalog.Find(signalNode.Value)) is null)
        {
            reader.Error(signalNode, $"unknown signal '{signalNode.Value}'{Suggest.DidYouMean(signalNode.Value, SignalCatalog.All.Select(s => s.Name))}");
        }

        var labels = ParseLabels(reader, map, signal);
        var aggregation = reader.Choice(map, "aggregate", Aggregations, CheckAggregation.Quarter);
        var across = reader.Choice(map, "across", Combinations, SeriesCombination.Worst);

        DoraMetric? dora = null;
        var comparison = Comparison.AtLeast;
        var thresholds = new List<LevelThreshold>();
        if (reader.ScalarNode(map, "dora") is { } doraNode)
        {
            if (!DoraMetrics.TryGetValue(doraNode.Value ?? "", out var metric))
            {
                reader.Error(doraNode, $"unknown DORA metric '{doraNode.Value}'{Suggest.DidYouMean(doraNode.Value ?? "", DoraMetrics.Keys)} (metrics: {string.Join(", ", DoraMetrics.Keys)})");
            }
            else
            {
                dora = metric.Metric;
                comparison = DoraThresholds.ComparisonOf(metric.Metric);
                if (signal is not null && signal.Name != metric.Signal)
                {
                    reader.Error(doraNode, $"the DORA bands of '{doraNode.Value}' apply to signal '{metric.Signal}', not '{signal.Name}'");
                }
            }

            foreach (var key in new[] { "thresholds", "compare" })
            {
                if (Child(map, key) is { } extra)
                {
                    reader.Error(extra, $"'dora' sets the thresholds and the comparison; remove '{key}'");
                }
            }
        }
        else
        {
            comparison = reader.Choice(map, "compare", Comparisons, Comparison.AtLeast, required: true);
            thresholds = ParseThresholds(reader, map, signal?.Unit, comparison);
        }

        return reader.Count > errors || name is null || signal is null || rationale is null || source is null
            ? null
            : new MaturityCheck(name, signal.Name, signal.Unit, ValueList.From(labels), aggregation, across, comparison, ValueList.From(thresholds), dora, rationale, source);
    }

    private static List<LabelMatcher> ParseLabels(Reader reader, YamlMappingNode map, ISignal? signal)
    {
        var matchers = new List<LabelMatcher>();
        if (Child(map, "labels") is not { } node)
        {
            return matchers;
        }

        if (node is not YamlMappingNode labels)
        {
            reader.Error(node, "'labels' must map label names to values, such as { branch: \"!other\" }");
            return matchers;
        }

        IReadOnlySet<string>? known = null;
        if (signal is not null)
        {
            SignalLabels.Catalog.TryGet(signal.Name, out known);
        }

        foreach (var (keyNode, valueNode) in labels.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (known is not null && !known.Contains(key))
            {
                reader.Error(keyNode, $"signal '{signal!.Name}' has no label '{key}'{Suggest.DidYouMean(key, known)} (labels: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
                continue;
            }

            if (valueNode is not YamlScalarNode { Value: var value })
            {
                reader.Error(valueNode, $"label '{key}' must have a single value");
                continue;
            }

            value ??= "";
            matchers.Add(value.StartsWith('!') ? new LabelMatcher(key, value[1..], true) : new LabelMatcher(key, value, false));
        }

        return matchers;
    }

    private static List<LevelThreshold> ParseThresholds(Reader reader, YamlMappingNode map, SignalUnit? unit, Comparison comparison)
    {
        var thresholds = new List<LevelThreshold>();
        if (Child(map, "thresholds") is not YamlMappingNode node || node.Children.Count == 0)
        {
            reader.Error(Child(map, "thresholds") ?? map, "a check needs 'thresholds' (a value for one or more of managed, defined, optimising) or 'dora'");
            return thresholds;
        }

        reader.CheckKeys(node, ThresholdKeys, "'thresholds'");
        YamlScalarNode? previousNode = null;
        foreach (var level in MaturityLevels.Checked)
        {
            if (reader.ScalarNode(node, MaturityLevels.Key(level)) is not { } valueNode)
            {
                continue;
            }

            // With an unknown signal (already reported) the unit is unknown too: read the value in any unit, so the
            // one mistake gives one error.
            if ((unit is { } known ? ParseValue(valueNode.Value ?? "", known) : Enum.GetValues<SignalUnit>().Select(u => ParseValue(valueNode.Value ?? "", u)).FirstOrDefault(v => v is not null)) is not { } value)
            {
                reader.Error(valueNode, $"threshold '{valueNode.Value}' is not {Expected(unit ?? SignalUnit.Count)}");
                continue;
            }

            if (thresholds.Count > 0)
            {
                var previous = thresholds[^1];
                var stricter = comparison is Comparison.AtLeast or Comparison.Above ? value >= previous.Value : value <= previous.Value;
                if (!stricter)
                {
                    reader.Error(valueNode, $"threshold for '{MaturityLevels.Key(level)}' ({valueNode.Value}) is looser than for '{MaturityLevels.Key(previous.Level)}' ({previousNode!.Value}); a higher level must be at least as strict");
                }
            }

            thresholds.Add(new LevelThreshold(level, value));
            previousNode = valueNode;
        }

        return thresholds;
    }

    /// <summary>A threshold in the signal's unit: durations (<c>30m</c>, <c>1d</c>) or seconds, shares (<c>15%</c> or 0.15), counts.</summary>
    private static double? ParseValue(string text, SignalUnit unit)
    {
        text = text.Trim();
        if (unit == SignalUnit.Seconds && Durations.TryParse(text) is { } duration)
        {
            return duration.TotalSeconds;
        }

        if (unit == SignalUnit.Ratio && text.EndsWith('%')
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100)
        {
            return percent / 100;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number >= 0)
        {
            return unit == SignalUnit.Ratio && number > 1 ? null : number;
        }

        return null;
    }

    private static string Expected(SignalUnit unit) => unit switch
    {
        SignalUnit.Seconds => "a duration (such as 30m, 4h, 1d, 2w) or a number of seconds",
        SignalUnit.Ratio => "a share (such as 15% or 0.15)",
        _ => "a number of at least 0",
    };

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Collects diagnostics for one file.</summary>
    private sealed class Reader(string file)
    {
        private readonly List<RuleDiagnostic> _diagnostics = [];

        public int Count => _diagnostics.Count;

        public void Error(int line, int column, string message) =>
            _diagnostics.Add(new RuleDiagnostic(file, line, column, DiagnosticSeverity.Error, message));

        public void Error(YamlNode node, string message) => Error((int)node.Start.Line, (int)node.Start.Column, message);

        public MaturityFileResult Result(MaturityModel? model)
        {
            var ordered = _diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
            return new MaturityFileResult(ordered.Count == 0 ? model : null, ordered);
        }

        public void CheckKeys(YamlMappingNode map, IReadOnlyList<string> known, string where)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(name))
                {
                    Error(key, $"unknown key '{name}' in {where}{Suggest.DidYouMean(name, known)} (keys: {string.Join(", ", known)})");
                }
            }
        }

        public YamlScalarNode? ScalarNode(YamlMappingNode map, string key)
        {
            var node = Child(map, key);
            if (node is null or YamlScalarNode)
            {
                return (YamlScalarNode?)node;
            }

            Error(node, $"'{key}' must be a single value");
            return null;
        }

        public string? Scalar(YamlMappingNode map, string key) => ScalarNode(map, key)?.Value;

        public string? Required(YamlMappingNode map, string key, string where)
        {
            var value = Scalar(map, key);
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(Child(map, key) ?? map, $"{where} needs '{key}'");
                return null;
            }

            return value;
        }

        public T Choice<T>(YamlMappingNode map, string key, Dictionary<string, T> choices, T fallback, bool required = false)
        {
            var node = ScalarNode(map, key);
            if (node is null)
            {
                if (required)
                {
                    Error(map, $"a check needs '{key}' ({string.Join(", ", choices.Keys)})");
                }

                return fallback;
            }

            if (choices.TryGetValue(node.Value ?? "", out var value))
            {
                return value;
            }

            Error(node, $"unknown {key} '{node.Value}'{Suggest.DidYouMean(node.Value ?? "", choices.Keys)} ({key}: {string.Join(", ", choices.Keys)})");
            return fallback;
        }
    }
}
