using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals.Series;

namespace Analytics.Rules.Alerts;

/// <summary>
/// The alert lifecycle as a pure function of the previous states, this evaluation's outcomes, the silences and the time
/// (rules in <c>docs/rules.md</c>, "Alert lifecycle"): inactive → pending → firing (after <c>for</c>) → resolved;
/// notifications grouped per channel, target and <c>group_by</c> values, repeated after the repeat interval, resolved
/// once; silenced alerts change state but are never announced.
/// </summary>
public static class AlertLifecycle
{
    /// <summary>Advances every alert of the rules in <paramref name="outcomes"/> to <paramref name="at"/>.</summary>
    /// <param name="previous">The stored states, by fingerprint (all rules; those not evaluated are left alone).</param>
    /// <param name="outcomes">This evaluation's results; rules that failed keep their alerts as they were.</param>
    /// <param name="silences">The stored silences (those not active at <paramref name="at"/> are ignored).</param>
    /// <param name="at">The evaluation time.</param>
    public static LifecycleResult Advance(
        IReadOnlyDictionary<string, AlertState> previous,
        IReadOnlyList<RuleOutcome> outcomes,
        IReadOnlyList<Silence> silences,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(silences);
        var matchers = silences.Where(s => s.IsActiveAt(at))
            .Select(s => Parser.ParseMatchers(s.Matchers).Matchers)
            .Where(m => m is not null)
            .Select(m => m!)
            .ToList();
        var states = new List<(AlertState State, AlertRule Rule)>();
        foreach (var outcome in outcomes.Where(o => o.Error is null))
        {
            var rule = outcome.Rule;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alert in outcome.Active)
            {
                seen.Add(alert.Fingerprint);
                var silenced = matchers.Any(m => m.All(matcher => matcher.Matches(alert.Labels)));
                states.Add((Hold(previous.GetValueOrDefault(alert.Fingerprint), alert, silenced, at), rule));
            }

            foreach (var old in previous.Values.Where(s => s.Rule == rule.Name && s.Group == rule.Group && !seen.Contains(s.Fingerprint)))
            {
                var silenced = matchers.Any(m => m.All(matcher => matcher.Matches(LabelJson.ReadLabels(old.Labels))));
                states.Add((Release(old, silenced, at), rule));
            }
        }

        return Notify(states, at);
    }

    /// <summary>The condition holds for this label set.</summary>
    private static AlertState Hold(AlertState? old, ActiveAlert alert, bool silenced, DateTimeOffset at)
    {
        var rule = alert.Rule;
        var labels = LabelJson.Write(alert.Labels);
        var annotations = LabelJson.Write(alert.Annotations);
        if (old is null || old.Status is AlertStatus.Inactive or AlertStatus.Resolved)
        {
            // A new episode: pending until the condition has held for 'for' (at once when 'for' is 0).
            var firing = rule.For <= TimeSpan.Zero;
            return new AlertState(alert.Fingerprint, rule.Name, rule.Group, labels, firing ? AlertStatus.Firing : AlertStatus.Pending,
                rule.Severity, alert.Value, at, firing ? at : null, null, at, annotations, null, false, silenced);
        }

        var next = old with
        {
            Labels = labels,
            Severity = rule.Severity,
            Value = alert.Value,
            EvaluatedAt = at,
            Annotations = annotations,
            Silenced = silenced,
        };
        return old.Status == AlertStatus.Pending && at - old.ActiveSince!.Value >= rule.For
            ? next with { Status = AlertStatus.Firing, FiredAt = at }
            : next;
    }

    /// <summary>The condition no longer holds for this label set.</summary>
    private static AlertState Release(AlertState old, bool silenced, DateTimeOffset at) => old.Status switch
    {
        AlertStatus.Pending => old with { Status = AlertStatus.Inactive, ActiveSince = null, EvaluatedAt = at, Silenced = silenced },
        AlertStatus.Firing => old with { Status = AlertStatus.Resolved, ActiveSince = null, ResolvedAt = at, EvaluatedAt = at, Silenced = silenced },
        _ => old,
    };

    private static LifecycleResult Notify(List<(AlertState State, AlertRule Rule)> states, DateTimeOffset at)
    {
        // Decide what is due: firing alerts never announced in this episode or last announced a repeat interval ago,
        // and resolutions of alerts that were announced. Silenced alerts are never due; their resolution is settled.
        var due = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < states.Count; i++)
        {
            var (state, rule) = states[i];
            if (state.Status == AlertStatus.Firing && !state.Silenced
                && (state.NotifiedAt is null || at - state.NotifiedAt.Value >= rule.RepeatInterval))
            {
                due.Add(state.Fingerprint);
            }
            else if (state.Status == AlertStatus.Resolved && !state.ResolvedNotified)
            {
                if (state.NotifiedAt is null || state.Silenced)
                {
                    states[i] = (state with { ResolvedNotified = true }, rule);
                }
                else
                {
                    due.Add(state.Fingerprint);
                }
            }
        }

        // Group every announced-or-announceable alert by channel, target and group_by values.
        var groups = new Dictionary<string, (string Channel, string Target, string? Team, List<AlertState> Members)>(StringComparer.Ordinal);
        foreach (var (state, rule) in states)
        {
            var isDue = due.Contains(state.Fingerprint);
            if (!isDue && !(state.Status == AlertStatus.Firing && !state.Silenced))
            {
                continue;
            }

            var labels = LabelJson.ReadLabels(state.Labels);
            var team = labels["team"];
            var by = string.Join(",", rule.GroupBy.Select(l => $"{l}={labels[l]}"));
            foreach (var (channel, target) in rule.Routing.ChannelsFor(team))
            {
                var key = $"{channel}|{target}|{by}";
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = (channel, target, team, []);
                }

                group.Members.Add(state);
            }
        }

        var notifications = new List<AlertNotification>();
        foreach (var (key, group) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!group.Members.Any(m => due.Contains(m.Fingerprint)))
            {
                continue;
            }

            var members = group.Members.OrderBy(m => m.Fingerprint, StringComparer.Ordinal).ToList();
            var kind = members.Any(m => m.Status == AlertStatus.Firing) ? NotificationKind.Firing : NotificationKind.Resolved;
            var identity = new StringBuilder(key).Append('|').Append(at.UtcTicks);
            foreach (var member in members)
            {
                identity.Append('|').Append(member.Fingerprint).Append(':').Append(member.Status);
            }

            notifications.Add(new AlertNotification(
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..32],
                group.Channel,
                group.Target,
                group.Team,
                key,
                kind,
                at,
                ValueList.From(members.Select(m => m.Fingerprint)),
                Payload(members),
                null));
        }

        var result = states.Select(s => due.Contains(s.State.Fingerprint)
            ? s.State.Status == AlertStatus.Firing ? s.State with { NotifiedAt = at } : s.State with { ResolvedNotified = true }
            : s.State).ToList();
        return new LifecycleResult(result, notifications);
    }

    private static string Payload(List<AlertState> members) => JsonSerializer.Serialize(members.Select(m => new
    {
        fingerprint = m.Fingerprint,
        alertname = m.Rule,
        status = m.Status.ToString().ToLowerInvariant(),
        severity = RuleEvaluator.SeverityName(m.Severity),
        labels = LabelJson.Read(m.Labels),
        annotations = LabelJson.Read(m.Annotations),
        value = m.Value,
        activeSince = m.ActiveSince,
        firedAt = m.FiredAt,
        resolvedAt = m.ResolvedAt,
    }));

    /// <summary>The labels of a stored alert.</summary>
    public static Labels LabelsOf(AlertState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return LabelJson.ReadLabels(state.Labels);
    }
}
