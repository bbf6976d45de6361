using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Rules.Language;
using Analytics.Signals.Series;
using YamlDotNet.RepresentationModel;

namespace Analytics.Rules.Files;

/// <summary>
/// Reads one rule file (format in <c>docs/rules.md</c>). Each problem is reported at its file, line and column; a rule
/// with an error is left out and the rest of the file still loads.
/// </summary>
public static class RuleFileParser
{
    /// <summary>The default <c>interval</c> of a group.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    /// <summary>The default <c>repeat_interval</c> of a rule.</summary>
    public static readonly TimeSpan DefaultRepeatInterval = TimeSpan.FromDays(1);

    /// <summary>Labels every alert gets from its rule; rules may not set them in <c>labels</c>.</summary>
    public static readonly IReadOnlyList<string> ReservedLabels = ["alertname", "severity"];

    private static readonly string[] TopKeys = ["groups"];
    private static readonly string[] GroupKeys = ["name", "interval", "window", "routing", "rules"];
    private static readonly string[] RuleKeys = ["alert", "expr", "for", "severity", "labels", "annotations", "routing", "repeat_interval", "group_by"];
    private static readonly string[] RoutingKeys = ["email", "webhooks", "slack"];
    private static readonly string[] Severities = ["info", "warning", "critical"];
    private static readonly string[] Windows = ["1d", "1w"];

    /// <summary>Parses and checks one rule file.</summary>
    /// <param name="file">The file's name, used in diagnostics.</param>
    /// <param name="text">Its contents.</param>
    /// <param name="signals">The signals rules may read.</param>
    public static RuleFileResult Parse(string file, string text, SignalLabels signals)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signals);
        var yaml = RuleYaml.Load(file, text);
        var groups = new List<RuleGroup>();
        if (yaml.Root is null)
        {
            return new RuleFileResult(groups, yaml.Diagnostics);
        }

        if (yaml.Root is not YamlMappingNode root)
        {
            yaml.Error(yaml.Root, "a rule file is a mapping with 'groups'");
            return new RuleFileResult(groups, yaml.Diagnostics);
        }

        yaml.CheckKeys(root, TopKeys, "the top level");
        if (RuleYaml.Child(root, "groups") is not YamlSequenceNode groupNodes)
        {
            yaml.Error(root, "'groups' must be a list of rule groups");
            return new RuleFileResult(groups, yaml.Diagnostics);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in groupNodes)
        {
            if (ParseGroup(yaml, node, signals) is { } group)
            {
                if (!names.Add(group.Name))
                {
                    yaml.Error(node, $"group '{group.Name}' is defined twice");
                    continue;
                }

                groups.Add(group);
            }
        }

        return new RuleFileResult(groups, yaml.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
    }

    private static RuleGroup? ParseGroup(RuleYaml yaml, YamlNode node, SignalLabels signals)
    {
        if (node is not YamlMappingNode group)
        {
            yaml.Error(node, "each group must be a mapping with name, interval and rules");
            return null;
        }

        yaml.CheckKeys(group, GroupKeys, "a group");
        var name = yaml.Required(group, "name", "a group");
        var interval = yaml.Duration(group, "interval", DefaultInterval);
        var granularity = Granularity.Week;
        if (yaml.ScalarNode(group, "window") is { } windowNode)
        {
            if (windowNode.Value == "1d")
            {
                granularity = Granularity.Day;
            }
            else if (windowNode.Value != "1w")
            {
                yaml.Error(windowNode, $"'window' must be one of {string.Join(", ", Windows)} (the windows signals are computed over), not '{windowNode.Value}'");
            }
        }

        var routing = ParseRouting(yaml, RuleYaml.Child(group, "routing")) ?? Routing.None;
        var rules = new List<AlertRule>();
        var window = granularity == Granularity.Day ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        if (RuleYaml.Child(group, "rules") is YamlSequenceNode ruleNodes)
        {
            var ruleNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ruleNode in ruleNodes)
            {
                if (ParseRule(yaml, ruleNode, name ?? "", window, routing, signals) is { } rule)
                {
                    if (!ruleNames.Add(rule.Name))
                    {
                        yaml.Error(ruleNode, $"alert '{rule.Name}' is defined twice in group '{name}'");
                        continue;
                    }

                    rules.Add(rule);
                }
            }
        }
        else
        {
            yaml.Error(group, "a group needs 'rules', a list of rules");
        }

        return name is null ? null : new RuleGroup(name, interval, granularity, rules, yaml.File);
    }

    private static AlertRule? ParseRule(RuleYaml yaml, YamlNode node, string group, TimeSpan window, Routing groupRouting, SignalLabels signals)
    {
        if (node is not YamlMappingNode rule)
        {
            yaml.Error(node, "each rule must be a mapping with alert, expr, severity…");
            return null;
        }

        var errorsBefore = yaml.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (RuleYaml.Child(rule, "record") is not null)
        {
            yaml.Error(rule, "recording rules ('record') are not supported: only alerting rules ('alert')");
            return null;
        }

        yaml.CheckKeys(rule, RuleKeys, "a rule");
        var name = yaml.Required(rule, "alert", "a rule");
        if (name is not null && !IsName(name))
        {
            yaml.Error(RuleYaml.Child(rule, "alert")!, $"alert name '{name}' must be letters, digits and underscores, starting with a letter");
        }

        var forDuration = yaml.Duration(rule, "for", TimeSpan.Zero);
        var repeat = yaml.Duration(rule, "repeat_interval", DefaultRepeatInterval);
        if (repeat <= TimeSpan.Zero)
        {
            yaml.Error(RuleYaml.Child(rule, "repeat_interval")!, "'repeat_interval' must be longer than 0");
        }

        var severity = AlertSeverity.Warning;
        if (yaml.ScalarNode(rule, "severity") is { } severityNode)
        {
            var index = Array.IndexOf(Severities, severityNode.Value);
            if (index < 0)
            {
                yaml.Error(severityNode, $"unknown severity '{severityNode.Value}'{Suggest.DidYouMean(severityNode.Value ?? "", Severities)} (severities: {string.Join(", ", Severities)})");
            }
            else
            {
                severity = (AlertSeverity)index;
            }
        }
        else
        {
            yaml.Error(rule, "a rule needs 'severity': info, warning or critical");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in yaml.StringMap(RuleYaml.Child(rule, "labels"), "labels"))
        {
            if (ReservedLabels.Contains(key.Value))
            {
                yaml.Error(key, $"label '{key.Value}' is set by the rule itself ({(key.Value == "severity" ? "use the rule's 'severity'" : "it is the alert's name")})");
            }
            else if (!IsName(key.Value ?? ""))
            {
                yaml.Error(key, $"label name '{key.Value}' must be letters, digits and underscores");
            }
            else
            {
                labels[key.Value!] = value.Value ?? "";
            }
        }

        var routing = ParseRouting(yaml, RuleYaml.Child(rule, "routing")) ?? groupRouting;
        var groupBy = RuleYaml.Child(rule, "group_by") is { } groupByNode ? yaml.Strings(groupByNode, "group_by") : ["team"];

        // The expression: parse, then type-check; errors point into the file.
        var check = default(CheckResult);
        Expr? expression = null;
        var exprNode = yaml.ScalarNode(rule, "expr");
        if (exprNode is null || string.IsNullOrWhiteSpace(exprNode.Value))
        {
            yaml.Error(rule, "a rule needs 'expr', the condition that raises the alert");
        }
        else
        {
            var parsed = Parser.Parse(exprNode.Value);
            if (parsed.Error is { } syntax)
            {
                yaml.Report(exprNode, syntax.Offset, DiagnosticSeverity.Error, syntax.Message);
            }
            else
            {
                expression = parsed.Expression!;
                check = TypeChecker.Check(expression, signals, window);
                foreach (var error in check.Errors)
                {
                    yaml.Report(exprNode, error.Offset, DiagnosticSeverity.Error, error.Message);
                }

                foreach (var warning in check.Warnings)
                {
                    yaml.Report(exprNode, warning.Offset, DiagnosticSeverity.Warning, warning.Message);
                }

                if (check.Type is { Kind: not (ValueKind.Condition or ValueKind.Bool) } type)
                {
                    yaml.Report(exprNode, 0, DiagnosticSeverity.Error, $"the expression must be a condition, such as '{exprNode.Value.Trim()} > 0', not {type.Describe()}");
                }
            }
        }

        // What labels an alert of this rule carries, to check templates and group_by against.
        var known = check?.Type?.Labels is { } resultLabels
            ? resultLabels.Concat(labels.Keys).Concat(ReservedLabels).ToHashSet(StringComparer.Ordinal)
            : null;
        var annotations = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (key, value) in yaml.StringMap(RuleYaml.Child(rule, "annotations"), "annotations"))
        {
            var (template, error) = Template.Parse(value.Value ?? "");
            if (error is not null)
            {
                yaml.Report(value, error.Offset, DiagnosticSeverity.Error, $"annotation '{key.Value}': {error.Message}");
                continue;
            }

            foreach (var label in template!.LabelsRead.Where(l => known is not null && !known.Contains(l)).Distinct())
            {
                var at = value.Value!.IndexOf("$labels." + label, StringComparison.Ordinal);
                yaml.Report(value, Math.Max(0, at), DiagnosticSeverity.Error, $"annotation '{key.Value}' reads label '{label}', which this rule's alerts do not carry{Suggest.DidYouMean(label, known!)} (they carry: {string.Join(", ", known!.Order(StringComparer.Ordinal))})");
            }

            annotations[key.Value!] = template;
        }

        if (known is not null && RuleYaml.Child(rule, "group_by") is { } byNode)
        {
            foreach (var label in groupBy.Where(l => !known.Contains(l)))
            {
                yaml.Error(byNode, $"group_by label '{label}' is not a label of this rule's alerts{Suggest.DidYouMean(label, known)}");
            }
        }

        if (routing.IsEmpty)
        {
            yaml.Diagnostics.Add(new RuleDiagnostic(yaml.File, (int)rule.Start.Line, (int)rule.Start.Column, DiagnosticSeverity.Warning, $"alert '{name}' has no routing: its alerts are recorded but produce no notification"));
        }

        var failed = yaml.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore;
        return failed || name is null || expression is null || check is null
            ? null
            : new AlertRule(name, group, exprNode!.Value!, expression, check, forDuration, severity, labels, annotations, routing, repeat, groupBy, yaml.File, (int)rule.Start.Line);
    }

    private static Routing? ParseRouting(RuleYaml yaml, YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode routing)
        {
            yaml.Error(node, "'routing' must be a mapping with email, webhooks and/or slack");
            return null;
        }

        yaml.CheckKeys(routing, RoutingKeys, "routing");
        var byTeam = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> fallback = [];
        if (RuleYaml.Child(routing, "email") is { } emailNode)
        {
            if (emailNode is YamlMappingNode email)
            {
                foreach (var (team, recipients) in email.Children)
                {
                    var list = yaml.Strings(recipients, "email");
                    foreach (var address in list.Where(a => !a.Contains('@', StringComparison.Ordinal)))
                    {
                        yaml.Error(recipients, $"'{address}' is not an e-mail address");
                    }

                    if (((YamlScalarNode)team).Value == "default")
                    {
                        fallback = list;
                    }
                    else
                    {
                        byTeam[((YamlScalarNode)team).Value!] = list;
                    }
                }
            }
            else
            {
                yaml.Error(emailNode, "'email' maps team ids (and 'default') to recipients, such as 'payments: [pay-leads@example.com]'");
            }
        }

        var webhooks = Urls(yaml, RuleYaml.Child(routing, "webhooks"), "webhooks");
        var slack = Urls(yaml, RuleYaml.Child(routing, "slack"), "slack");
        return new Routing(byTeam, fallback, webhooks, slack);
    }

    private static List<string> Urls(RuleYaml yaml, YamlNode? node, string key)
    {
        var urls = yaml.Strings(node, key);
        foreach (var url in urls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")))
        {
            yaml.Error(node!, $"'{key}': '{url}' is not an http(s) URL");
        }

        return urls;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
