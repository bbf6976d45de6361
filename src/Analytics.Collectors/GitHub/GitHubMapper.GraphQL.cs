using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// GraphQL nodes to the same domain records as the REST payloads, through the same state, file-kind and account rules:
/// a pull request read either way is stored identically. Ids come from <c>fullDatabaseId</c> (a 64-bit integer sent
/// as a string), which is the REST <c>id</c>.
/// </summary>
internal static partial class GitHubMapper
{
    /// <summary>A pull request node (<c>repository.pullRequests.nodes[]</c> or <c>repository.pullRequest</c>).</summary>
    /// <param name="json">The node.</param>
    /// <param name="repository">The repository's full name.</param>
    /// <param name="labels">Its label names, every page of them, in GitHub's order.</param>
    /// <param name="accounts">The account book.</param>
    /// <param name="url">The GraphQL endpoint.</param>
    /// <param name="where">The query and path, for errors.</param>
    public static PullRequest GraphPullRequest(JsonElement json, string repository, IReadOnlyList<string> labels, Dictionary<string, Identity> accounts, string url, string where)
    {
        var number = GitHubJson.RequiredAt(json.Long("number"), "number", url, where);
        var mergedAt = json.Time("mergedAt");
        var createdAt = GitHubJson.RequiredAt(json.Time("createdAt"), "createdAt", url, where);
        return new PullRequest(
            Source,
            PullRequestId(repository, number),
            repository,
            checked((int)number),
            json.String("title") ?? "",
            StateOf(mergedAt, json.String("state") is "CLOSED" or "MERGED"),
            json.Bool("isDraft") ?? false,
            GraphActor(json.Get("author"), accounts) ?? Ghost,
            createdAt,
            json.Time("updatedAt") ?? createdAt,
            mergedAt,
            json.Time("closedAt") ?? mergedAt,
            json.String("baseRefName") ?? "",
            json.String("headRefName") ?? "",
            (int)(json.Long("additions") ?? 0),
            (int)(json.Long("deletions") ?? 0),
            (int)(json.Long("changedFiles") ?? 0),
            new ValueList<string>(labels.ToList()),
            mergedAt is null ? null : json.Get("mergeCommit")?.String("oid"));
    }

    /// <summary>A review node; null for a pending one, as with REST.</summary>
    public static Review? GraphReview(JsonElement json, string pullRequestId, Dictionary<string, Identity> accounts, string url, string where)
    {
        var state = ReviewStateOf(json.String("state"), url, where);
        if (state is null || json.Time("submittedAt") is not { } submittedAt)
        {
            return null;
        }

        return new Review(Source, DatabaseId(json, url, where), pullRequestId, GraphActor(json.Get("author"), accounts) ?? Ghost, state.Value, submittedAt);
    }

    /// <summary>A review comment node (of a review thread).</summary>
    public static ReviewComment GraphReviewComment(JsonElement json, string pullRequestId, Dictionary<string, Identity> accounts, string url, string where) => new(
        Source,
        DatabaseId(json, url, where),
        pullRequestId,
        OptionalId(json.Get("pullRequestReview"), url, where),
        GraphActor(json.Get("author"), accounts) ?? Ghost,
        GitHubJson.RequiredAt(json.Time("createdAt"), "createdAt", url, where),
        json.String("path"),
        OptionalId(json.Get("replyTo"), url, where));

    /// <summary>A pull-request commit node (<c>commits.nodes[].commit</c>); its author is the linked GitHub user, when there is one.</summary>
    public static PullRequestCommit GraphPullRequestCommit(JsonElement json, string pullRequestId, Dictionary<string, Identity> accounts, string url, string where)
    {
        var commit = GitHubJson.RequiredAt(json.Get("commit"), "commit", url, where);
        var login = commit.Get("author")?.Get("user")?.String("login");
        if (login is not null)
        {
            // GitActor.user is a User: a bot author is not linked here (REST would show it with type Bot).
            accounts.TryAdd(login, new Identity(Source, login, null, null, false, null));
        }

        return new PullRequestCommit(
            Source,
            pullRequestId,
            GitHubJson.RequiredAt(commit.String("oid"), "commit.oid", url, where),
            login,
            GitHubJson.RequiredAt(commit.Time("authoredDate"), "commit.authoredDate", url, where));
    }

    /// <summary>
    /// A changed-file node. GraphQL gives no previous path: for renamed or copied files the caller reads the REST list
    /// of the pull request's files instead (see <see cref="GraphNeedsRestFiles"/>).
    /// </summary>
    public static PullRequestFile GraphPullRequestFile(JsonElement json, string pullRequestId, string repository, string url, string where) => new(
        Source,
        pullRequestId,
        repository,
        GitHubJson.RequiredAt(json.String("path"), "path", url, where),
        null,
        FileKindOf(json.String("changeType"), url, where),
        (int)(json.Long("additions") ?? 0),
        (int)(json.Long("deletions") ?? 0));

    /// <summary>Whether a file's previous path matters (renamed or copied), which only REST gives.</summary>
    public static bool GraphNeedsRestFiles(PullRequestFile file) => file.Kind is FileChangeKind.Renamed or FileChangeKind.Copied;

    /// <summary>
    /// The login of an actor node (null when the account was deleted). GraphQL names a bot <c>renovate</c> where REST
    /// and webhooks say <c>renovate[bot]</c>: the REST form is kept, so one account has one login.
    /// </summary>
    public static string? GraphActor(JsonElement? actor, Dictionary<string, Identity> accounts)
    {
        if (actor?.String("login") is not { } login)
        {
            return null;
        }

        var bot = actor.Value.String("__typename") == "Bot";
        if (bot && !login.EndsWith("[bot]", StringComparison.Ordinal))
        {
            login += "[bot]";
        }

        accounts.TryAdd(login, new Identity(Source, login, null, null, bot, null));
        return login;
    }

    private static string DatabaseId(JsonElement json, string url, string where)
    {
        var text = GitHubJson.RequiredAt(json.Id("fullDatabaseId"), "fullDatabaseId", url, where);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"{where}: fullDatabaseId '{text}' is not a 64-bit id");
    }

    private static string? OptionalId(JsonElement? json, string url, string where) => json is { } value ? DatabaseId(value, url, where) : null;
}
