-- Version 15: indexes for looking rows up by their id without their source (issue #6). The signal cache places a
-- batch's reviews by their pull requests (pull_requests.source_id), ticket transitions by their tickets (tickets.key),
-- 500 ids at a time, and incident attribution fetches the deployments incidents name (deployments.source_id), 5,000 at
-- a time. The primary keys begin with `source`, so without these SQLite read the whole table for every such query.

CREATE INDEX ix_pull_requests_source_id ON pull_requests (source_id);
CREATE INDEX ix_tickets_key ON tickets (key);
CREATE INDEX ix_deployments_source_id ON deployments (source_id);
