-- Version 10: indexes for the period-bounded pull-request reads of the review, lead-time and pull-request flow signals
-- (issue #6). They select pull requests by when they were merged (dora.lead_time, pr.*), closed, or, for those still
-- open, by state and opening time (review.*); then the reviews, comments and commits of those pull requests by
-- (source, pull_request_id), 500 ids at a time (pull_request_commits' key serves that already). Without the two-column
-- indexes SQLite's planner (no statistics) reads such a query through the primary key's `source` prefix, i.e. the whole
-- table for every chunk, to save sorting.

CREATE INDEX ix_pull_requests_merged ON pull_requests (merged_at);
CREATE INDEX ix_pull_requests_closed ON pull_requests (closed_at);
CREATE INDEX ix_pull_requests_state_created ON pull_requests (state, created_at);
CREATE INDEX ix_reviews_source_pull_request ON reviews (source, pull_request_id);
CREATE INDEX ix_review_comments_source_pull_request ON review_comments (source, pull_request_id);
