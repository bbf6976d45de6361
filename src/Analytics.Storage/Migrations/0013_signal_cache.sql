-- Version 13: the signal result cache (docs/signals/incremental.md). A cache key names everything a signal's result
-- depends on besides the store (signal, teams, people, granularity, request options, the signals code's version);
-- signal_cache_entries holds, per key, the period computed and the store watermark the cached windows are valid
-- through; signal_cache_windows holds each window's points of every series. Neither is domain data: deleting them
-- only costs a recomputation.

CREATE TABLE signal_cache_entries (
    cache_key TEXT NOT NULL PRIMARY KEY,
    signal TEXT NOT NULL,
    request_from {{instant}} NOT NULL,
    request_to {{instant}} NOT NULL,
    watermark {{instant}} NOT NULL,
    series TEXT NOT NULL,
    changed_at {{instant}} NOT NULL
);

CREATE TABLE signal_cache_windows (
    cache_key TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    first_day TEXT NOT NULL,
    points TEXT NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (cache_key, time_zone, first_day)
);

-- Deleted domain rows leave no changed_at behind, so each delete is recorded here: which table, when, and the earliest
-- instant among the deleted rows' time columns (the epoch when a deleted row had none: "everything").
CREATE TABLE signal_cache_deletions (
    table_name TEXT NOT NULL,
    deleted_at {{instant}} NOT NULL,
    earliest {{instant}} NOT NULL,
    row_count INTEGER NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (table_name, deleted_at)
);

CREATE INDEX signal_cache_deletions_deleted_at ON signal_cache_deletions (deleted_at);

-- "Which rows changed since the watermark" must cost what the batch costs, not what the history costs.
CREATE INDEX repositories_changed_at ON repositories (changed_at);
CREATE INDEX pull_requests_changed_at ON pull_requests (changed_at);
CREATE INDEX reviews_changed_at ON reviews (changed_at);
CREATE INDEX review_comments_changed_at ON review_comments (changed_at);
CREATE INDEX pull_request_commits_changed_at ON pull_request_commits (changed_at);
CREATE INDEX commits_changed_at ON commits (changed_at);
CREATE INDEX file_changes_changed_at ON file_changes (changed_at);
CREATE INDEX workflow_runs_changed_at ON workflow_runs (changed_at);
CREATE INDEX ci_jobs_changed_at ON ci_jobs (changed_at);
CREATE INDEX test_results_changed_at ON test_results (changed_at);
CREATE INDEX deployments_changed_at ON deployments (changed_at);
CREATE INDEX tickets_changed_at ON tickets (changed_at);
CREATE INDEX ticket_transitions_changed_at ON ticket_transitions (changed_at);
CREATE INDEX incidents_changed_at ON incidents (changed_at);
CREATE INDEX sprints_changed_at ON sprints (changed_at);
CREATE INDEX sprint_changes_changed_at ON sprint_changes (changed_at);
