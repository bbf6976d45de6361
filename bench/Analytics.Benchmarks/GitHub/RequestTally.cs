using System.Text.RegularExpressions;

namespace Analytics.Benchmarks.GitHub;

/// <summary>
/// The requests of one collection run as the fake server logged them, counted by kind: REST or GraphQL, answered 304 or
/// not, and by endpoint (what each request was for), so a reader sees where the requests per pull request come from.
/// </summary>
/// <param name="Total">Every request.</param>
/// <param name="Rest">REST requests (everything but <c>/graphql</c>).</param>
/// <param name="GraphQl">GraphQL requests (<c>POST /graphql</c>).</param>
/// <param name="NotModified">Requests answered 304 Not Modified (free for the primary limit).</param>
/// <param name="PullRequestData">Requests for pull-request data: the pull-request list, a pull request and its reviews, comments, commits and files, and GraphQL.</param>
/// <param name="ByEndpoint">Requests per endpoint (<c>pull files</c>, <c>run jobs</c>, …), with how many of them were 304.</param>
internal sealed partial record RequestTally(
    int Total,
    int Rest,
    int GraphQl,
    int NotModified,
    int PullRequestData,
    IReadOnlyDictionary<string, (int Requests, int NotModified)> ByEndpoint)
{
    /// <summary>Counts the logged requests (path and query, status).</summary>
    public static RequestTally Of(IEnumerable<(string PathAndQuery, int Status)> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        int total = 0, rest = 0, graphQl = 0, notModified = 0, pullRequestData = 0;
        var byEndpoint = new SortedDictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var (pathAndQuery, status) in requests)
        {
            var endpoint = EndpointOf(pathAndQuery);
            total++;
            var isGraphQl = endpoint == "graphql";
            graphQl += isGraphQl ? 1 : 0;
            rest += isGraphQl ? 0 : 1;
            notModified += status == 304 ? 1 : 0;
            pullRequestData += isGraphQl || endpoint.StartsWith("pull", StringComparison.Ordinal) ? 1 : 0;
            var (count, unchanged) = byEndpoint.GetValueOrDefault(endpoint);
            byEndpoint[endpoint] = (count + 1, unchanged + (status == 304 ? 1 : 0));
        }

        return new RequestTally(total, rest, graphQl, notModified, pullRequestData, byEndpoint);
    }

    /// <summary>What a request was for, from its path: <c>pull list</c>, <c>pull reviews</c>, <c>run jobs</c>, <c>graphql</c>, ….</summary>
    public static string EndpointOf(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var path = pathAndQuery.Split('?')[0];
        if (path.TrimEnd('/') == "/graphql")
        {
            return "graphql";
        }

        var match = RepositoryPath().Match(path);
        if (!match.Success)
        {
            return "other";
        }

        var rest = match.Groups["rest"].Value;
        return rest switch
        {
            "" => "repository",
            "/pulls" => "pull list",
            "/actions/runs" => "run list",
            "/deployments" => "deployment list",
            _ when PullPath().Match(rest) is { Success: true } pull => pull.Groups["sub"].Value.Length == 0 ? "pull" : "pull " + pull.Groups["sub"].Value[1..],
            _ when AttemptPath().Match(rest) is { Success: true } attempt => attempt.Groups["jobs"].Success ? "run jobs" : "run attempt",
            _ when rest.StartsWith("/deployments/", StringComparison.Ordinal) => "deployment statuses",
            _ when rest.StartsWith("/actions/", StringComparison.Ordinal) => "artifacts",
            _ => "other",
        };
    }

    [GeneratedRegex("^/repos/[^/]+/[^/]+(?<rest>/.*)?$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex("^/pulls/[0-9]+(?<sub>/[a-z]+)?$")]
    private static partial Regex PullPath();

    [GeneratedRegex("^/actions/runs/[0-9]+/attempts/[0-9]+(?<jobs>/jobs)?$")]
    private static partial Regex AttemptPath();
}
