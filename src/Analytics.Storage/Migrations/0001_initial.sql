-- Version 1: the domain tables, sync cursors and the raw-payload archive.
-- Shared by SQLite and PostgreSQL: {{instant}}, {{real}}, {{bool}} and {{bytes}} are replaced by each dialect's type.
-- Every domain table ends with changed_at: when the store last saw the record change (re-storing an identical record
-- leaves it alone), so signals can recompute only what changed.

CREATE TABLE repositories (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    full_name TEXT NOT NULL,
    default_branch TEXT NOT NULL,
    url TEXT,
    is_archived {{bool}} NOT NULL,
    created_at {{instant}},
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE identities (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    name TEXT,
    email TEXT,
    is_bot {{bool}} NOT NULL,
    person_hint TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE pull_requests (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    repository TEXT NOT NULL,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    is_draft {{bool}} NOT NULL,
    author TEXT NOT NULL,
    created_at {{instant}} NOT NULL,
    updated_at {{instant}} NOT NULL,
    merged_at {{instant}},
    closed_at {{instant}},
    base_ref TEXT NOT NULL,
    head_ref TEXT NOT NULL,
    additions INTEGER NOT NULL,
    deletions INTEGER NOT NULL,
    changed_files INTEGER NOT NULL,
    labels TEXT,
    merge_commit_sha TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE reviews (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    pull_request_id TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    state TEXT NOT NULL,
    submitted_at {{instant}} NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE review_comments (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    pull_request_id TEXT NOT NULL,
    review_id TEXT,
    author TEXT NOT NULL,
    created_at {{instant}} NOT NULL,
    path TEXT,
    in_reply_to_id TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE pull_request_commits (
    source TEXT NOT NULL,
    pull_request_id TEXT NOT NULL,
    sha TEXT NOT NULL,
    author TEXT,
    authored_at {{instant}} NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, pull_request_id, sha)
);

CREATE TABLE commits (
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    sha TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_email TEXT NOT NULL,
    authored_at {{instant}} NOT NULL,
    committer_name TEXT NOT NULL,
    committer_email TEXT NOT NULL,
    committed_at {{instant}} NOT NULL,
    parent_count INTEGER NOT NULL,
    additions INTEGER NOT NULL,
    deletions INTEGER NOT NULL,
    title TEXT NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (repository, sha)
);

CREATE TABLE file_changes (
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    sha TEXT NOT NULL,
    path TEXT NOT NULL,
    old_path TEXT,
    kind TEXT NOT NULL,
    additions INTEGER,
    deletions INTEGER,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (repository, sha, path)
);

CREATE TABLE workflow_runs (
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    run_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    workflow TEXT NOT NULL,
    event TEXT NOT NULL,
    branch TEXT,
    head_sha TEXT NOT NULL,
    status TEXT NOT NULL,
    conclusion TEXT,
    queued_at {{instant}} NOT NULL,
    started_at {{instant}},
    finished_at {{instant}},
    url TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, repository, run_id, attempt)
);

CREATE TABLE ci_jobs (
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    job_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    conclusion TEXT,
    queued_at {{instant}} NOT NULL,
    started_at {{instant}},
    finished_at {{instant}},
    runner_name TEXT,
    runner_labels TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, repository, job_id)
);

CREATE TABLE ci_steps (
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    job_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    conclusion TEXT,
    started_at {{instant}},
    finished_at {{instant}},
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, repository, job_id, number)
);

CREATE TABLE test_cases (
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    test_id TEXT NOT NULL,
    suite TEXT NOT NULL,
    class_name TEXT,
    name TEXT NOT NULL,
    file TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (repository, test_id)
);

CREATE TABLE test_results (
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    run_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    job TEXT NOT NULL,
    test_id TEXT NOT NULL,
    execution INTEGER NOT NULL,
    commit_sha TEXT NOT NULL,
    branch TEXT,
    outcome TEXT NOT NULL,
    duration_seconds {{real}} NOT NULL,
    started_at {{instant}} NOT NULL,
    message TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, repository, run_id, attempt, job, test_id, execution)
);

CREATE TABLE deployments (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    repository TEXT NOT NULL,
    environment TEXT NOT NULL,
    status TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    ref TEXT,
    created_at {{instant}} NOT NULL,
    finished_at {{instant}},
    service TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE tickets (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    project TEXT NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    created_at {{instant}} NOT NULL,
    updated_at {{instant}} NOT NULL,
    resolved_at {{instant}},
    story_points {{real}},
    sprint TEXT,
    assignee TEXT,
    reporter TEXT,
    priority TEXT,
    parent_key TEXT,
    labels TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, key)
);

CREATE TABLE ticket_transitions (
    source TEXT NOT NULL,
    ticket_key TEXT NOT NULL,
    change_id TEXT NOT NULL,
    at {{instant}} NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    from_category TEXT,
    to_category TEXT NOT NULL,
    author TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, ticket_key, change_id)
);

CREATE TABLE incidents (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    title TEXT NOT NULL,
    service TEXT NOT NULL,
    severity TEXT,
    status TEXT NOT NULL,
    created_at {{instant}} NOT NULL,
    acknowledged_at {{instant}},
    resolved_at {{instant}},
    responders TEXT,
    deployment_id TEXT,
    url TEXT,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE INDEX ix_pull_requests_repository_created ON pull_requests (repository, created_at);
CREATE INDEX ix_pull_requests_updated ON pull_requests (updated_at);
CREATE INDEX ix_reviews_pull_request ON reviews (pull_request_id);
CREATE INDEX ix_review_comments_pull_request ON review_comments (pull_request_id);
CREATE INDEX ix_commits_authored ON commits (repository, authored_at);
CREATE INDEX ix_workflow_runs_workflow ON workflow_runs (repository, workflow, queued_at);
CREATE INDEX ix_ci_jobs_run ON ci_jobs (repository, run_id, attempt);
CREATE INDEX ix_test_results_test ON test_results (repository, test_id, started_at);
CREATE INDEX ix_test_results_commit ON test_results (repository, commit_sha);
CREATE INDEX ix_deployments_environment ON deployments (repository, environment, created_at);
CREATE INDEX ix_ticket_transitions_at ON ticket_transitions (at);
CREATE INDEX ix_incidents_service ON incidents (service, created_at);

-- Where each source's incremental sync stands. Written in the same transaction as the records it covers.
CREATE TABLE sync_cursors (
    source TEXT NOT NULL,
    scope TEXT NOT NULL,
    value TEXT NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, scope)
);

-- Payloads as the sources sent them, gzip-compressed, so normalisation can be re-run without calling an API again.
CREATE TABLE raw_payloads (
    source TEXT NOT NULL,
    request_key TEXT NOT NULL,
    fetched_at {{instant}} NOT NULL,
    content_type TEXT NOT NULL,
    body_gzip {{bytes}} NOT NULL,
    body_sha256 TEXT NOT NULL,
    body_length INTEGER NOT NULL,
    PRIMARY KEY (source, request_key)
);
