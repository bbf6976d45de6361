using Analytics.Rules.Files;
using Analytics.Signals.Series;

namespace Analytics.Rules.Alerts;

/// <summary>A label set for which a rule's condition holds at an evaluation.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Fingerprint">Its identity.</param>
/// <param name="Labels">Its labels: the series' labels, the rule's labels, <c>alertname</c> and <c>severity</c>.</param>
/// <param name="Value">The value the condition compared.</param>
/// <param name="Annotations">The rendered annotations.</param>
public sealed record ActiveAlert(AlertRule Rule, string Fingerprint, Labels Labels, double Value, IReadOnlyDictionary<string, string> Annotations);
