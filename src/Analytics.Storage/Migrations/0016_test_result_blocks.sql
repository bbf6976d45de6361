-- Version 16: test result blocks (Sql/TestResultBlocks.cs). Each test's results of one UTC month packed into one value,
-- so that the flaky-test analysis reads a test's year in twelve rows instead of thousands: stepping SQLite through
-- eleven million index rows was a third of all signals' work (bench/README.md, session 14). Derived data: triggers
-- (the dialect's DDL: the triggers, the table where they note stale blocks, any storage setting) note the blocks each
-- write to test_results touches, and the writing transaction rebuilds them before it commits; this builds the blocks of
-- what is stored.

CREATE TABLE test_result_blocks (
    repository TEXT NOT NULL,
    test_id TEXT NOT NULL,
    month TEXT NOT NULL,
    result_count INTEGER NOT NULL,
    payload {{bytes}} NOT NULL,
    PRIMARY KEY (repository, test_id, month)
);

{{test_result_block_ddl}}

INSERT INTO test_result_blocks (repository, test_id, month, result_count, payload) {{test_result_blocks}};
