-- Version 11: the CI signals read the run attempts and jobs of a team's repositories queued within a period
-- (`repository IN (…) AND queued_at >= … AND queued_at < …`). The older indexes lead with the repository but not the
-- time (ix_workflow_runs_workflow puts the workflow in between; ix_ci_jobs_run has no time), so a one-week read went
-- through the repositories' whole history. With these both SQLite and PostgreSQL search each repository's time range.

CREATE INDEX ix_workflow_runs_queued ON workflow_runs (repository, queued_at);
CREATE INDEX ix_ci_jobs_queued ON ci_jobs (repository, queued_at);
