-- Version 3: the delivery outbox. One row per e-mail recipient or webhook, keyed by an idempotency key (report, period,
-- recipient), so enqueueing twice is a no-op. Workers claim due rows under the "delivery:outbox" lock by moving
-- next_attempt_at past the attempt, send outside any transaction, then mark the row sent, retrying or failed.

CREATE TABLE outbound_messages (
    idempotency_key TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    kind TEXT NOT NULL,
    team TEXT,
    period TEXT,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at {{instant}} NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at {{instant}},
    last_error TEXT,
    sent_at {{instant}},
    failed_at {{instant}},
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (idempotency_key)
);

-- Finding due messages: pending rows only have a next attempt.
CREATE INDEX outbound_messages_due ON outbound_messages (next_attempt_at);
