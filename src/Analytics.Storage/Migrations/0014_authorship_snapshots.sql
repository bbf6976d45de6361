-- Version 14: the truck factor (ownership.truck_factor) keeps each repository's authorship ledger as of a watermark and
-- advances it with the commits after it, instead of reading the whole history every time (see
-- docs/signals/ownership.truck_factor.md, "Advanced by new commits"). The snapshot is a cache: it is ignored, and
-- rebuilt from history, whenever the history it was read from changed.
--
-- The indexes serve the advance: the commits after the watermark by commit time, and the rows changed since the
-- snapshot's high-water mark (late commits, rewrites) and counted up to it (deletions), without reading the history.

CREATE TABLE authorship_snapshots (
    repository TEXT NOT NULL,
    variant TEXT NOT NULL,
    watermark_sha TEXT NOT NULL,
    watermark_at {{instant}} NOT NULL,
    high_water {{instant}} NOT NULL,
    commit_rows INTEGER NOT NULL,
    file_rows INTEGER NOT NULL,
    state TEXT NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (repository, variant)
);

CREATE INDEX ix_commits_committed ON commits (repository, committed_at);
CREATE INDEX ix_commits_changed ON commits (repository, changed_at);
CREATE INDEX ix_file_changes_changed ON file_changes (repository, changed_at);
