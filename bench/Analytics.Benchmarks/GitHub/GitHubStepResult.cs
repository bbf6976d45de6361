using Analytics.Benchmarks.Import;
using Analytics.Storage;

namespace Analytics.Benchmarks.GitHub;

/// <summary>One measured collection run and what it cost the fake server.</summary>
/// <param name="Store">The store collected into.</param>
/// <param name="Step">Which run.</param>
/// <param name="PullRequests">Pull requests the server held during the run (requests per pull request are per these).</param>
/// <param name="Measurement">The child process's measurement (wall, CPU, peak working set, …); rows are the pull requests the collector read.</param>
/// <param name="Requests">The requests the server logged during the run.</param>
/// <param name="Collector">What the collector reported about its own requests.</param>
/// <param name="PointsSpent">Primary-rate-limit points the server charged during the run.</param>
/// <param name="FakeServerCpu">CPU time of the driver process (the fake server) during the run.</param>
/// <param name="Stored">Rows in the store after the run, by table.</param>
internal sealed record GitHubStepResult(
    StoreKind Store,
    GitHubStep Step,
    long PullRequests,
    Measurement Measurement,
    RequestTally Requests,
    GitHubChildSummary Collector,
    int PointsSpent,
    TimeSpan FakeServerCpu,
    IReadOnlyList<(string Table, long Count)> Stored)
{
    /// <summary>Every request of the run per pull request the server held.</summary>
    public double RequestsPerPullRequest => Requests.Total / (double)PullRequests;

    /// <summary>Requests for pull-request data (list, pull, reviews, comments, commits, files, GraphQL) per pull request.</summary>
    public double PullRequestDataPerPullRequest => Requests.PullRequestData / (double)PullRequests;

    /// <summary>Pull requests read per second of wall time.</summary>
    public double PullRequestsPerSecond => Measurement.Rows / Measurement.Wall.TotalSeconds;
}
