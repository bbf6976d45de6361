namespace Analytics.Benchmarks.GitHub;

/// <summary>What the collector itself reported about one run (<c>GitHubSyncReport</c>), handed from the child process to the driver in a file.</summary>
/// <param name="Requests">HTTP requests the collector sent, retries included.</param>
/// <param name="NotModified">Requests answered 304.</param>
/// <param name="Warnings">Warnings of the synced repositories (such as pull requests with more files than GitHub lists).</param>
internal sealed record GitHubChildSummary(int Requests, int NotModified, IReadOnlyList<string> Warnings);
