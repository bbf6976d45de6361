using Analytics.Domain.Alerts;
using Analytics.Reports.Alerts;
using Analytics.Reports.Delivery;

namespace Analytics.Host.Reporting;

/// <summary>One outbox notification rendered for its channel: the e-mail and the webhook body, and where it goes.</summary>
/// <param name="Notification">The outbox row.</param>
/// <param name="Alerts">Its alerts, with evidence charts when the rules and series are known.</param>
/// <param name="Email">The e-mail (for <c>email</c> channels; rendered for every channel so it can be previewed).</param>
/// <param name="Webhook">The webhook JSON body (for <c>webhook</c> and <c>slack</c> channels).</param>
/// <param name="Recipients">E-mail addresses (an <c>email</c> channel's target, split) or the webhook's URL.</param>
internal sealed record AlertMessageSet(AlertNotification Notification, IReadOnlyList<AlertFacts> Alerts, EmailMessage Email, string Webhook, IReadOnlyList<string> Recipients);
