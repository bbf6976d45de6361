using Analytics.Domain.Alerts;

namespace Analytics.Host.Server.Web;

/// <summary>A pending or firing alert, with whether a silence matches it now.</summary>
/// <param name="Fingerprint">Its identity.</param>
/// <param name="Alert">The rule's alert name.</param>
/// <param name="Status">Pending or firing.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Annotations">Its rendered annotations (summary, description, runbook_url…).</param>
/// <param name="Value">The value at the last evaluation.</param>
/// <param name="ActiveSince">When the condition started to hold.</param>
/// <param name="FiredAt">When it started firing.</param>
/// <param name="EvaluatedAt">The last evaluation.</param>
/// <param name="SilencedBy">Ids of the active silences that match it now; empty when none.</param>
internal sealed record AlertView(
    string Fingerprint,
    string Alert,
    AlertStatus Status,
    AlertSeverity Severity,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    double? Value,
    DateTimeOffset? ActiveSince,
    DateTimeOffset? FiredAt,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<string> SilencedBy)
{
    /// <summary>Whether an active silence matches it.</summary>
    public bool Silenced => SilencedBy.Count > 0;
}
