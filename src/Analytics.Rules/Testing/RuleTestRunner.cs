using System.Globalization;
using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Rules.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals.Series;
using YamlDotNet.RepresentationModel;

namespace Analytics.Rules.Testing;

/// <summary>
/// Runs rule unit tests (<c>*.test.yaml</c>, format in <c>docs/rules.md</c>), like <c>promtool test rules</c>: input series
/// per window, evaluation times, expected alerts. No store is involved: series come from the test file, and the alert
/// lifecycle runs in memory, evaluated every <c>interval</c> from the start so <c>for</c> behaves as in production.
/// </summary>
public static class RuleTestRunner
{
    /// <summary>The first day of the first window when a test file does not say (a Monday).</summary>
    public static readonly DateOnly DefaultStart = new(2026, 1, 5);

    private static readonly string[] TopKeys = ["rule_files", "window", "start", "interval", "tests"];
    private static readonly string[] TestKeys = ["name", "input_series", "alert_rule_test"];
    private static readonly string[] SeriesKeys = ["series", "values", "observations"];
    private static readonly string[] CaseKeys = ["eval_time", "alertname", "exp_alerts"];
    private static readonly string[] AlertKeys = ["exp_labels", "exp_annotations", "exp_state"];
    private static readonly string[] States = ["pending", "firing"];

    /// <summary>Runs every test file at <paramref name="path"/> (a file, or a folder searched for <c>*.test.yaml</c>).</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static RuleTestRun RunAll(string path, SignalLabels signals)
    {
        var results = new List<RuleTestResult>();
        var diagnostics = new List<RuleDiagnostic>();
        foreach (var file in RuleSet.TestFiles(path))
        {
            var run = Run(file, File.ReadAllText(file), signals);
            results.AddRange(run.Results);
            diagnostics.AddRange(run.Diagnostics);
        }

        return new RuleTestRun(results, diagnostics);
    }

    /// <summary>Runs one test file; rule files are found relative to it.</summary>
    public static RuleTestRun Run(string file, string text, SignalLabels signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var yaml = RuleYaml.Load(file, text);
        var results = new List<RuleTestResult>();
        if (yaml.Root is not YamlMappingNode root)
        {
            if (yaml.Root is not null)
            {
                yaml.Error(yaml.Root, "a rule test file is a mapping with rule_files and tests");
            }

            return new RuleTestRun(results, yaml.Diagnostics);
        }

        yaml.CheckKeys(root, TopKeys, "a rule test file");
        var granularity = yaml.Scalar(root, "window") is "1d" ? Granularity.Day : Granularity.Week;
        var window = granularity == Granularity.Day ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        var interval = yaml.Duration(root, "interval", TimeSpan.FromDays(1));
        var start = DefaultStart;
        if (yaml.ScalarNode(root, "start") is { } startNode && !DateOnly.TryParseExact(startNode.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            yaml.Error(startNode, $"'start' must be a day such as 2026-01-05, not '{startNode.Value}'");
        }

        var groups = new List<RuleGroup>();
        foreach (var ruleFile in yaml.Strings(RuleYaml.Child(root, "rule_files"), "rule_files"))
        {
            var full = Path.Combine(Path.GetDirectoryName(file) ?? ".", ruleFile);
            if (!File.Exists(full))
            {
                yaml.Error(RuleYaml.Child(root, "rule_files")!, $"rule file '{ruleFile}' not found (paths are relative to the test file)");
                continue;
            }

            var loaded = RuleSet.Load(full, signals);
            yaml.Diagnostics.AddRange(loaded.Diagnostics);
            foreach (var group in loaded.Groups.Where(g => g.Granularity != granularity))
            {
                yaml.Error(root, $"group '{group.Name}' in {ruleFile} uses {(group.Granularity == Granularity.Day ? "1d" : "1w")} windows but the test's window is {(granularity == Granularity.Day ? "1d" : "1w")}; set 'window' to match");
            }

            groups.AddRange(loaded.Groups.Where(g => g.Granularity == granularity));
        }

        if (RuleYaml.Child(root, "tests") is not YamlSequenceNode tests)
        {
            yaml.Error(root, "a rule test file needs 'tests', a list of test cases");
            return new RuleTestRun(results, yaml.Diagnostics);
        }

        var index = 0;
        foreach (var testNode in tests)
        {
            index++;
            if (testNode is not YamlMappingNode test)
            {
                yaml.Error(testNode, "each test must be a mapping with name, input_series and alert_rule_test");
                continue;
            }

            yaml.CheckKeys(test, TestKeys, "a test");
            var name = yaml.Scalar(test, "name") ?? $"test {index}";
            var errors = yaml.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var series = ReadSeries(yaml, test, signals, start, granularity);
            var cases = ReadCases(yaml, test);
            if (yaml.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errors)
            {
                continue;
            }

            results.Add(new RuleTestResult(file, name, RunCase(groups, series, cases, StartOf(start), interval, window)));
        }

        return new RuleTestRun(results, yaml.Diagnostics);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static List<Series> ReadSeries(RuleYaml yaml, YamlMappingNode test, SignalLabels signals, DateOnly start, Granularity granularity)
    {
        var result = new List<Series>();
        if (RuleYaml.Child(test, "input_series") is not YamlSequenceNode list)
        {
            return result;
        }

        foreach (var node in list.OfType<YamlMappingNode>())
        {
            yaml.CheckKeys(node, SeriesKeys, "an input series");
            var selectorNode = yaml.ScalarNode(node, "series");
            if (selectorNode?.Value is not { } selectorText)
            {
                yaml.Error(node, "an input series needs 'series', such as 'review.stale_prs{team=\"payments\"}'");
                continue;
            }

            var parsed = Parser.Parse(selectorText);
            if (parsed.Expression is not SelectorExpr selector || selector.Matchers.Any(m => m.Operator != MatchOperator.Equal))
            {
                yaml.Report(selectorNode, parsed.Error?.Offset ?? 0, DiagnosticSeverity.Error, parsed.Error?.Message ?? "'series' must be a signal with label=\"value\" pairs");
                continue;
            }

            if (!signals.TryGet(selector.Signal, out var labelNames))
            {
                yaml.Report(selectorNode, 0, DiagnosticSeverity.Error, $"unknown signal '{selector.Signal}'{Suggest.DidYouMean(selector.Signal, signals.Names)}");
                continue;
            }

            foreach (var matcher in selector.Matchers.Where(m => labelNames is not null && !labelNames.Contains(m.Name)))
            {
                yaml.Report(selectorNode, matcher.Offset, DiagnosticSeverity.Error, $"signal '{selector.Signal}' has no label '{matcher.Name}'{Suggest.DidYouMean(matcher.Name, labelNames!)}");
            }

            var (values, error) = SeriesValues.Expand(yaml.Scalar(node, "values") ?? "");
            var (observations, observationsError) = SeriesValues.Expand(yaml.Scalar(node, "observations") ?? "");
            if ((error ?? observationsError) is not null)
            {
                yaml.Error(node, $"input series {selectorText}: {error ?? observationsError}");
                continue;
            }

            var window = new TimeWindow(start, granularity, "UTC");
            var points = new List<SeriesPoint>();
            for (var i = 0; i < values!.Count; i++)
            {
                var count = i < observations!.Count ? (int)(observations[i] ?? 0) : values[i] is null ? 0 : 1;
                points.Add(new SeriesPoint(window, values[i], count));
                window = window with { FirstDay = window.EndDay };
            }

            var labels = Labels.Of(selector.Matchers.Select(m => new Label(m.Name, m.Value)).ToArray());
            result.Add(new Series(selector.Signal, labels, SignalUnit.Count, ValueList.From(points)));
        }

        return result;
    }

    private static List<TestCase> ReadCases(RuleYaml yaml, YamlMappingNode test)
    {
        var cases = new List<TestCase>();
        if (RuleYaml.Child(test, "alert_rule_test") is not YamlSequenceNode list)
        {
            yaml.Error(test, "a test needs 'alert_rule_test', a list of eval_time, alertname and exp_alerts");
            return cases;
        }

        foreach (var node in list.OfType<YamlMappingNode>())
        {
            yaml.CheckKeys(node, CaseKeys, "an alert_rule_test entry");
            var at = yaml.Duration(node, "eval_time", TimeSpan.Zero);
            var alertname = yaml.Required(node, "alertname", "an alert_rule_test entry") ?? "";
            var expected = new List<ExpectedAlert>();
            if (RuleYaml.Child(node, "exp_alerts") is YamlSequenceNode alerts)
            {
                foreach (var alert in alerts.OfType<YamlMappingNode>())
                {
                    yaml.CheckKeys(alert, AlertKeys, "an expected alert");
                    var state = yaml.Scalar(alert, "exp_state") ?? "firing";
                    if (!States.Contains(state))
                    {
                        yaml.Error(alert, $"exp_state must be pending or firing, not '{state}'");
                    }

                    expected.Add(new ExpectedAlert(
                        yaml.StringMap(RuleYaml.Child(alert, "exp_labels"), "exp_labels").ToDictionary(p => p.Key.Value!, p => p.Value.Value ?? "", StringComparer.Ordinal),
                        yaml.StringMap(RuleYaml.Child(alert, "exp_annotations"), "exp_annotations").ToDictionary(p => p.Key.Value!, p => p.Value.Value ?? "", StringComparer.Ordinal),
                        state == "pending" ? AlertStatus.Pending : AlertStatus.Firing));
                }
            }

            cases.Add(new TestCase(at, alertname, expected));
        }

        return cases;
    }

    private static List<string> RunCase(List<RuleGroup> groups, List<Series> series, List<TestCase> cases, DateTimeOffset start, TimeSpan interval, TimeSpan window)
    {
        var failures = new List<string>();
        foreach (var missing in cases.Select(c => c.AlertName).Distinct().Where(n => !groups.SelectMany(g => g.Rules).Any(r => r.Name == n)))
        {
            failures.Add($"alert '{missing}' is not defined in the rule files{Suggest.DidYouMean(missing, groups.SelectMany(g => g.Rules).Select(r => r.Name))}");
        }

        if (failures.Count > 0 || cases.Count == 0)
        {
            return failures;
        }

        var bySignal = series.GroupBy(s => s.Signal).ToDictionary(g => g.Key, g => (IReadOnlyList<Series>)g.ToList(), StringComparer.Ordinal);
        var times = new SortedSet<TimeSpan>(cases.Select(c => c.At));
        for (var t = interval; t < times.Max; t += interval)
        {
            times.Add(t);
        }

        var states = new Dictionary<string, AlertState>(StringComparer.Ordinal);
        foreach (var offset in times)
        {
            var at = start + offset;
            var outcomes = groups.SelectMany(g => g.Rules.Select(r => RuleEvaluator.Evaluate(r, new EvaluationContext(bySignal, at, window)))).ToList();
            failures.AddRange(outcomes.Where(o => o.Error is not null).Select(o => $"eval_time {Durations.Format(offset)}: {o.Error}"));
            foreach (var state in AlertLifecycle.Advance(states, outcomes, [], at).States)
            {
                states[state.Fingerprint] = state;
            }

            foreach (var testCase in cases.Where(c => c.At == offset))
            {
                failures.AddRange(Compare(testCase, states.Values.Where(s => s.Rule == testCase.AlertName && s.Status is AlertStatus.Pending or AlertStatus.Firing).ToList()));
            }
        }

        return failures;
    }

    private static IEnumerable<string> Compare(TestCase testCase, List<AlertState> actual)
    {
        var prefix = $"eval_time {Durations.Format(testCase.At)}, alert {testCase.AlertName}";
        var unmatched = actual.ToList();
        foreach (var expected in testCase.Expected)
        {
            var match = unmatched.FirstOrDefault(a => LabelsMatch(expected.Labels, AlertLifecycle.LabelsOf(a)));
            if (match is null)
            {
                yield return $"{prefix}: expected {Describe(expected.Status)} {{{Show(expected.Labels)}}}, got {(actual.Count == 0 ? "no alert" : string.Join("; ", actual.Select(Describe)))}";
                continue;
            }

            unmatched.Remove(match);
            if (match.Status != expected.Status)
            {
                yield return $"{prefix} {{{Show(expected.Labels)}}}: expected {Describe(expected.Status)}, got {Describe(match.Status)}";
            }

            var annotations = LabelJson.Read(match.Annotations);
            foreach (var (name, text) in expected.Annotations)
            {
                var got = annotations.GetValueOrDefault(name);
                if (got != text)
                {
                    yield return $"{prefix} {{{Show(expected.Labels)}}}: annotation {name}: expected \"{text}\", got {(got is null ? "none" : $"\"{got}\"")}";
                }
            }
        }

        foreach (var extra in unmatched)
        {
            yield return $"{prefix}: unexpected {Describe(extra)}";
        }
    }

    /// <summary>Expected labels must all be present; alertname and severity need not be listed, other labels must.</summary>
    private static bool LabelsMatch(IReadOnlyDictionary<string, string> expected, Labels actual) =>
        expected.All(e => actual[e.Key] == e.Value)
        && actual.Items.Where(l => l.Name is not ("alertname" or "severity")).All(l => expected.ContainsKey(l.Name));

    private static string Describe(AlertStatus status) => status.ToString().ToLowerInvariant();

    private static string Describe(AlertState state) =>
        $"{Describe(state.Status)} {{{Show(AlertLifecycle.LabelsOf(state).Items.Where(l => l.Name is not ("alertname" or "severity")).ToDictionary(l => l.Name, l => l.Value))}}}";

    private static string Show(IReadOnlyDictionary<string, string> labels) =>
        string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""));
}
