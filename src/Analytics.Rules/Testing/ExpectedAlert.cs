using Analytics.Domain.Alerts;

namespace Analytics.Rules.Testing;

/// <summary>An alert a test expects.</summary>
/// <param name="Labels">Its labels (alertname and severity may be left out).</param>
/// <param name="Annotations">Annotations to check (those not listed are not checked).</param>
/// <param name="Status">Pending or firing.</param>
internal sealed record ExpectedAlert(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, AlertStatus Status);
