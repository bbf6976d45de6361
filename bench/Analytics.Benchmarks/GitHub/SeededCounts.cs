namespace Analytics.Benchmarks.GitHub;

/// <summary>What the fake server holds, counted the way the store counts it: the result a correct collection must store.</summary>
/// <param name="PullRequests">Pull requests.</param>
/// <param name="Reviews">Submitted reviews.</param>
/// <param name="ReviewComments">Review comments.</param>
/// <param name="Commits">Pull-request commits.</param>
/// <param name="Files">Pull-request changed files.</param>
/// <param name="RunAttempts">Workflow-run attempts (the store keeps one record per attempt).</param>
/// <param name="Jobs">CI jobs (two per attempt in the fake server).</param>
internal sealed record SeededCounts(long PullRequests, long Reviews, long ReviewComments, long Commits, long Files, long RunAttempts, long Jobs)
{
    /// <summary>The counts as (table, count) pairs, in the report's order.</summary>
    public IReadOnlyList<(string Table, long Count)> Rows =>
    [
        ("pull_requests", PullRequests),
        ("reviews", Reviews),
        ("review_comments", ReviewComments),
        ("pull_request_commits", Commits),
        ("pull_request_files", Files),
        ("workflow_runs", RunAttempts),
        ("ci_jobs", Jobs),
    ];
}
