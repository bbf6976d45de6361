-- Version 8: files changed by a pull request as a whole (base against head). file_changes is keyed to commits and
-- cannot hold these: a pull request's diff is not any one commit's diff, and storing it under the head commit would
-- overwrite what the git collector read for that commit.

CREATE TABLE pull_request_files (
    source TEXT NOT NULL,
    pull_request_id TEXT NOT NULL,
    repository TEXT NOT NULL,
    path TEXT NOT NULL,
    old_path TEXT,
    kind TEXT NOT NULL,
    additions INTEGER NOT NULL,
    deletions INTEGER NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, pull_request_id, path)
);

CREATE INDEX pull_request_files_repository ON pull_request_files (repository);
