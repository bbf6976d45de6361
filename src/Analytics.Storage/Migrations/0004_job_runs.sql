-- Version 4: the scheduler's job history (analytics serve). One row per attempt; each node writes its own attempts, and
-- the scheduler keeps the latest runs per job (Scheduler:HistoryPerJob), deleting older ones.

CREATE TABLE job_runs (
    run_id TEXT NOT NULL,
    job TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    node TEXT NOT NULL,
    started_at {{instant}} NOT NULL,
    finished_at {{instant}},
    outcome TEXT NOT NULL,
    error TEXT,
    next_retry_at {{instant}},
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (run_id)
);

CREATE INDEX job_runs_job ON job_runs (job, started_at);
