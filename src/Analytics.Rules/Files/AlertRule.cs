using Analytics.Domain.Alerts;
using Analytics.Rules.Language;

namespace Analytics.Rules.Files;

/// <summary>One alerting rule, loaded and checked.</summary>
/// <param name="Name">The alert's name (the <c>alertname</c> label).</param>
/// <param name="Group">The group it belongs to.</param>
/// <param name="ExpressionText">The expression as written.</param>
/// <param name="Expression">The parsed expression.</param>
/// <param name="Check">What the type checker found (signals read, longest range, result labels).</param>
/// <param name="For">How long the condition must hold before the alert fires.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Labels">Labels added to every alert of the rule (they win over series labels).</param>
/// <param name="Annotations">Annotation templates by name (summary, description, runbook_url…).</param>
/// <param name="Routing">Where its notifications go.</param>
/// <param name="RepeatInterval">How long before a still-firing alert is notified again.</param>
/// <param name="GroupBy">The labels whose values split notifications into groups (besides channel).</param>
/// <param name="File">The file it came from.</param>
/// <param name="Line">The line of its <c>alert</c> key.</param>
public sealed record AlertRule(
    string Name,
    string Group,
    string ExpressionText,
    Expr Expression,
    CheckResult Check,
    TimeSpan For,
    AlertSeverity Severity,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, Template> Annotations,
    Routing Routing,
    TimeSpan RepeatInterval,
    IReadOnlyList<string> GroupBy,
    string File,
    int Line);
