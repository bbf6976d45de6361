namespace Analytics.Collectors.GitHub;

/// <summary>What a GitHub sync did.</summary>
/// <param name="Repositories">One result per repository, in the order they were synced.</param>
/// <param name="Requests">HTTP requests sent (retries included).</param>
/// <param name="NotModified">Requests answered 304 (free for the primary rate limit).</param>
public sealed record GitHubSyncReport(IReadOnlyList<GitHubRepositoryResult> Repositories, int Requests, int NotModified)
{
    /// <summary>GitHub App installation tokens obtained during the sync (0 with a personal token).</summary>
    public int TokenExchanges { get; init; }

    /// <summary>GraphQL queries sent (retries included; also counted in <see cref="Requests"/>).</summary>
    public int GraphQLQueries { get; init; }

    /// <summary>Points of the <c>graphql</c> rate limit the answered queries cost, as GitHub reported them.</summary>
    public int GraphQLCost { get; init; }

    /// <summary>How the adaptive GraphQL page size moved during the sync (null when no GraphQL sync ran).</summary>
    public GitHubPageSizeReport? GraphQLPageSize { get; init; }

    /// <summary>Whether every repository synced (skipped archived ones do not count as failures).</summary>
    public bool Succeeded => Repositories.All(r => r.Status != GitHubRepositoryStatus.Failed);
}
