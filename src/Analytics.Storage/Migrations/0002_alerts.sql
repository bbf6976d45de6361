-- Version 2: the rules engine's state: alert instances, silences and the notification outbox.
-- Alert state is rewritten by each evaluation inside one transaction holding the "rules:evaluate" lock, so several
-- nodes evaluating at once still produce one history and one notification per group.

CREATE TABLE alert_states (
    fingerprint TEXT NOT NULL,
    rule TEXT NOT NULL,
    rule_group TEXT NOT NULL,
    labels TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    value {{real}},
    active_since {{instant}},
    fired_at {{instant}},
    resolved_at {{instant}},
    evaluated_at {{instant}} NOT NULL,
    annotations TEXT NOT NULL,
    notified_at {{instant}},
    resolved_notified {{bool}} NOT NULL,
    silenced {{bool}} NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (fingerprint)
);

CREATE TABLE silences (
    id TEXT NOT NULL,
    matchers TEXT NOT NULL,
    starts_at {{instant}} NOT NULL,
    ends_at {{instant}} NOT NULL,
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at {{instant}} NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE alert_notifications (
    idempotency_key TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    team TEXT,
    group_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at {{instant}} NOT NULL,
    alerts TEXT,
    payload TEXT NOT NULL,
    sent_at {{instant}},
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (idempotency_key)
);

CREATE INDEX alert_notifications_unsent ON alert_notifications (sent_at, created_at);
