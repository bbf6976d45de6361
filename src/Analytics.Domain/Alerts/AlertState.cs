using Analytics.Domain.Common;

namespace Analytics.Domain.Alerts;

/// <summary>
/// The stored state of one alert instance: a rule and one label set, identified by <see cref="Fingerprint"/>. Keyed by
/// the fingerprint; rewritten by each evaluation inside one locked transaction, so every node sees one history.
/// </summary>
/// <param name="Fingerprint">A stable hash of the rule name and the sorted labels (16 hex digits).</param>
/// <param name="Rule">The rule's alert name.</param>
/// <param name="Group">The rule group it belongs to.</param>
/// <param name="Labels">The alert's labels as a JSON object (series labels, then the rule's labels), sorted by name.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Value">The expression's value at the last evaluation where the condition held.</param>
/// <param name="ActiveSince">When the condition started to hold in the current episode; null when inactive.</param>
/// <param name="FiredAt">When it last started firing.</param>
/// <param name="ResolvedAt">When it last resolved.</param>
/// <param name="EvaluatedAt">The last evaluation that looked at it.</param>
/// <param name="Annotations">The rendered annotations as a JSON object (summary, description, runbook_url…).</param>
/// <param name="NotifiedAt">When a firing notification last carried it as due; null when never in this episode.</param>
/// <param name="ResolvedNotified">Whether its resolution has been dealt with (announced, or silenced).</param>
/// <param name="Silenced">Whether a silence matched it at the last evaluation.</param>
public sealed record AlertState(
    string Fingerprint,
    string Rule,
    string Group,
    string Labels,
    AlertStatus Status,
    AlertSeverity Severity,
    double? Value,
    DateTimeOffset? ActiveSince,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset EvaluatedAt,
    string Annotations,
    DateTimeOffset? NotifiedAt,
    bool ResolvedNotified,
    bool Silenced)
{
    /// <summary>A stable hash of the rule name and the sorted labels.</summary>
    public string Fingerprint { get; init => field = Guard.NotBlank(value, nameof(Fingerprint)); } = Guard.NotBlank(Fingerprint);

    /// <summary>The rule's alert name.</summary>
    public string Rule { get; init => field = Guard.NotBlank(value, nameof(Rule)); } = Guard.NotBlank(Rule);

    /// <summary>The last evaluation that looked at it (UTC).</summary>
    public DateTimeOffset EvaluatedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(EvaluatedAt);

    /// <summary>When the condition started to hold (UTC).</summary>
    public DateTimeOffset? ActiveSince { get; init => field = Guard.Utc(value); } = Guard.Utc(ActiveSince);

    /// <summary>When it last started firing (UTC).</summary>
    public DateTimeOffset? FiredAt { get; init => field = Guard.Utc(value); } = Guard.Utc(FiredAt);

    /// <summary>When it last resolved (UTC).</summary>
    public DateTimeOffset? ResolvedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(ResolvedAt);

    /// <summary>When a firing notification last carried it (UTC).</summary>
    public DateTimeOffset? NotifiedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(NotifiedAt);
}
