namespace Analytics.Benchmarks.Signals;

/// <summary>
/// The aggregate of a signal written as one PostgreSQL query over the store's tables, for the whole organisation's year
/// (<c>@from</c>, <c>@to</c>), grouped as finely as the signal groups (repository stands for team: each repository has
/// one owning team). Weeks are UTC weeks (the signals use each team's time zone) and people are not resolved (the
/// signals merge accounts and leave bots out), so the SQL does a little less than the signal; it is the floor of what
/// the database can do, not an equivalent implementation.
/// </summary>
/// <param name="Name">A short name for the command line and the report.</param>
/// <param name="Signal">The signal whose aggregate it is.</param>
/// <param name="What">What it computes, for the report.</param>
/// <param name="Sql">The query.</param>
internal sealed record SqlAggregate(string Name, string Signal, string What, string Sql)
{
    /// <summary>Every aggregate the benchmark times.</summary>
    public static IReadOnlyList<SqlAggregate> All { get; } =
    [
        new(
            "ci_run_duration",
            "ci.run_duration",
            "p50 and p90 of run-attempt duration per repository, workflow and week (`percentile_cont`)",
            """
            SELECT repository, workflow, date_trunc('week', queued_at) AS week,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)) AS p90,
                   count(*) AS runs
            FROM workflow_runs
            WHERE queued_at >= @from AND queued_at < @to
              AND conclusion IS NOT NULL AND conclusion NOT IN ('cancelled', 'skipped')
              AND started_at IS NOT NULL AND finished_at IS NOT NULL
            GROUP BY repository, workflow, week
            HAVING count(*) >= 5
            """),
        new(
            "flaky_same_commit",
            "tests.flaky",
            "tests that passed and failed on the same commit (retries and re-runs included), with how many such commits, per repository and branch",
            """
            SELECT repository, branch, test_id, count(*) AS flaky_commits
            FROM (
                SELECT repository, coalesce(branch, '') AS branch, test_id, commit_sha
                FROM test_results
                WHERE started_at >= @from AND started_at < @to
                GROUP BY repository, coalesce(branch, ''), test_id, commit_sha
                HAVING bool_or(outcome = 'passed') AND bool_or(outcome = 'failed')
            ) AS pairs
            GROUP BY repository, branch, test_id
            """),
        new(
            "pr_cycle_time",
            "pr.cycle_time",
            "median of created-to-merged time of merged pull requests per repository and week merged (`percentile_cont`)",
            """
            SELECT repository, date_trunc('week', merged_at) AS week,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM merged_at - created_at)) AS median,
                   count(*) AS merged
            FROM pull_requests
            WHERE merged_at >= @from AND merged_at < @to
            GROUP BY repository, week
            """),
        new(
            "review_reviews",
            "review.reviews",
            "reviews per reviewer, repository and week (joined to their pull requests)",
            """
            SELECT p.repository, r.reviewer, date_trunc('week', r.submitted_at) AS week, count(*) AS reviews
            FROM reviews r JOIN pull_requests p ON p.source = r.source AND p.source_id = r.pull_request_id
            WHERE r.submitted_at >= @from AND r.submitted_at < @to
            GROUP BY p.repository, r.reviewer, week
            """),
    ];
}
