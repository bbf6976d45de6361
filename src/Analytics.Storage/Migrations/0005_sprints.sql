-- Version 5: sprints and the history of tickets entering and leaving them (commitment signals), ticket components
-- (work-mix mapping) and the postmortem linked to an incident (postmortem signals). Additive: new tables and nullable
-- columns only, so stores written by earlier versions keep every row.

CREATE TABLE sprints (
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    name TEXT NOT NULL,
    board TEXT NOT NULL,
    start_at {{instant}},
    end_at {{instant}},
    completed_at {{instant}},
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE sprint_changes (
    source TEXT NOT NULL,
    ticket_key TEXT NOT NULL,
    change_id TEXT NOT NULL,
    sprint_id TEXT NOT NULL,
    at {{instant}} NOT NULL,
    kind TEXT NOT NULL,
    changed_at {{instant}} NOT NULL,
    PRIMARY KEY (source, ticket_key, change_id, sprint_id)
);

CREATE INDEX ix_sprint_changes_sprint ON sprint_changes (source, sprint_id);

ALTER TABLE tickets ADD COLUMN components TEXT;
ALTER TABLE incidents ADD COLUMN postmortem_url TEXT;
ALTER TABLE incidents ADD COLUMN postmortem_at {{instant}};
