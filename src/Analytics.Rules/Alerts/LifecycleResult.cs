using Analytics.Domain.Alerts;

namespace Analytics.Rules.Alerts;

/// <summary>What one evaluation changes: the new state of every alert of the evaluated rules, and the notifications to send.</summary>
/// <param name="States">The state of every alert of the rules evaluated without error (changed or not).</param>
/// <param name="Notifications">New outbox rows.</param>
public sealed record LifecycleResult(IReadOnlyList<AlertState> States, IReadOnlyList<AlertNotification> Notifications);
