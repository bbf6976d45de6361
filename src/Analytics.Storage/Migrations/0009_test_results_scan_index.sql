-- Version 9: the flaky-test analysis reads a period's results ORDER BY repository, test_id, started_at (then by key)
-- for some repositories (Analytics.Signals/Flakiness/TestResultScanner). With every column of that order in one index
-- both stores walk the index in order instead of sorting the period's results; the older index on
-- (repository, test_id, started_at) is a prefix of this one, so it goes (one index less to maintain on every write).

CREATE INDEX ix_test_results_scan ON test_results (repository, test_id, started_at, source, run_id, attempt, job, execution);

DROP INDEX ix_test_results_test;
