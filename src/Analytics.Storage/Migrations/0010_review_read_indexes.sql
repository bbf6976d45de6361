-- Version 10: indexes for the period-bounded pull-request reads of the review, lead-time and pull-request flow signals
-- (issue #6). They select pull requests by when they were merged (dora.lead_time, pr.*), closed, or, for those still
-- open, by state and opening time (review.*); their reviews, comments and commits are then read by pull request through
-- the existing ix_reviews_pull_request, ix_review_comments_pull_request and pull_request_commits' key.

CREATE INDEX ix_pull_requests_merged ON pull_requests (merged_at);
CREATE INDEX ix_pull_requests_closed ON pull_requests (closed_at);
CREATE INDEX ix_pull_requests_state_created ON pull_requests (state, created_at);
