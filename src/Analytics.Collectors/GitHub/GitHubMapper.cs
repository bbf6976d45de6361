using System.Text.Json;
using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.People;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Maps GitHub REST payloads to domain records. Every user seen is added to the account book as an <see cref="Identity"/>
/// (a bot when GitHub says <c>type: Bot</c>). A deleted user appears as GitHub shows it, <c>ghost</c>.
/// </summary>
internal static partial class GitHubMapper
{
    /// <summary>The source name of GitHub records and cursors.</summary>
    public const string Source = "github";

    /// <summary>GitHub's name for a deleted account.</summary>
    public const string Ghost = "ghost";

    /// <summary>The pull-request key used by reviews, comments and commits: <c>owner/name#number</c>.</summary>
    public static string PullRequestId(string repository, long number) => $"{repository}#{number}";

    /// <summary>A repository (<c>GET /repos/{owner}/{repo}</c>).</summary>
    public static Repository Repository(JsonElement json, string url) => new(
        Source,
        json.String("node_id") ?? GitHubJson.Required(json.Id("id"), "id", url),
        GitHubJson.Required(json.String("full_name"), "full_name", url),
        json.String("default_branch") ?? "main",
        json.String("html_url"),
        json.Bool("archived") ?? false,
        json.Time("created_at"));

    /// <summary>A pull request, from a list item or the single-PR payload (only the latter has sizes).</summary>
    public static PullRequest PullRequest(JsonElement json, string repository, Dictionary<string, Identity> accounts, string url)
    {
        var number = GitHubJson.Required(json.Long("number"), "number", url);
        var mergedAt = json.Time("merged_at");
        var state = StateOf(mergedAt, json.String("state") == "closed");
        var createdAt = GitHubJson.Required(json.Time("created_at"), "created_at", url);
        return new PullRequest(
            Source,
            PullRequestId(repository, number),
            repository,
            checked((int)number),
            json.String("title") ?? "",
            state,
            json.Bool("draft") ?? false,
            Account(json, "user", accounts),
            createdAt,
            json.Time("updated_at") ?? createdAt,
            mergedAt,
            json.Time("closed_at") ?? mergedAt,
            json.Get("base")?.String("ref") ?? "",
            json.Get("head")?.String("ref") ?? "",
            (int)(json.Long("additions") ?? 0),
            (int)(json.Long("deletions") ?? 0),
            (int)(json.Long("changed_files") ?? 0),
            new ValueList<string>(json.Items("labels").Select(l => l.String("name")).OfType<string>().ToList()),
            mergedAt is null ? null : json.String("merge_commit_sha"));
    }

    /// <summary>A submitted review; null for a pending one (not submitted, so not a review yet).</summary>
    public static Review? Review(JsonElement json, string pullRequestId, Dictionary<string, Identity> accounts, string url)
    {
        var state = ReviewStateOf(json.String("state"), url, $"GET {url}");
        if (state is null || json.Time("submitted_at") is not { } submittedAt)
        {
            return null;
        }

        return new Review(Source, GitHubJson.Required(json.Id("id"), "id", url), pullRequestId, Account(json, "user", accounts), state.Value, submittedAt);
    }

    /// <summary>A review (diff) comment.</summary>
    public static ReviewComment ReviewComment(JsonElement json, string pullRequestId, Dictionary<string, Identity> accounts, string url) => new(
        Source,
        GitHubJson.Required(json.Id("id"), "id", url),
        pullRequestId,
        json.Id("pull_request_review_id"),
        Account(json, "user", accounts),
        GitHubJson.Required(json.Time("created_at"), "created_at", url),
        json.String("path"),
        json.Id("in_reply_to_id"));

    /// <summary>A commit of a pull request; its author is the linked GitHub account, when there is one.</summary>
    public static PullRequestCommit PullRequestCommit(JsonElement json, string pullRequestId, Dictionary<string, Identity> accounts, string url)
    {
        var login = json.Login("author");
        if (login is not null)
        {
            Remember(json.Get("author")!.Value, accounts);
        }

        var gitAuthor = json.Get("commit")?.Get("author");
        return new PullRequestCommit(
            Source,
            pullRequestId,
            GitHubJson.Required(json.String("sha"), "sha", url),
            login,
            GitHubJson.Required(gitAuthor?.Time("date"), "commit.author.date", url));
    }

    /// <summary>A file a pull request changes (a diff entry of <c>GET …/pulls/{n}/files</c>).</summary>
    public static PullRequestFile PullRequestFile(JsonElement json, string pullRequestId, string repository, string url)
    {
        var kind = FileKindOf(json.String("status"), url, $"GET {url}");
        return new PullRequestFile(
            Source,
            pullRequestId,
            repository,
            GitHubJson.Required(json.String("filename"), "filename", url),
            kind is FileChangeKind.Renamed or FileChangeKind.Copied ? json.String("previous_filename") : null,
            kind,
            (int)(json.Long("additions") ?? 0),
            (int)(json.Long("deletions") ?? 0));
    }

    /// <summary>One attempt of a workflow run (the run payload, or the attempt endpoint's).</summary>
    public static WorkflowRun WorkflowRun(JsonElement json, string repository, Dictionary<string, Identity> accounts, string url)
    {
        Remember(json.Get("actor"), accounts);
        Remember(json.Get("triggering_actor"), accounts);
        var attempt = (int)(json.Long("run_attempt") ?? 1);
        var createdAt = GitHubJson.Required(json.Time("created_at"), "created_at", url);
        var startedAt = json.Time("run_started_at") ?? createdAt;
        var status = Status(json.String("status"));
        var finishedAt = status == RunStatus.Completed ? json.Time("updated_at") : null;
        return new WorkflowRun(
            Source,
            repository,
            GitHubJson.Required(json.Id("id"), "id", url),
            attempt,
            NonEmpty(json.String("name")) ?? StripRef(json.String("path")) ?? "workflow",
            json.String("event") ?? "unknown",
            json.String("head_branch"),
            GitHubJson.Required(json.String("head_sha"), "head_sha", url),
            status,
            Conclusion(json.String("conclusion")),
            // A re-run is queued when it starts over, not when the run was first created.
            attempt == 1 ? createdAt : startedAt,
            startedAt,
            Latest(finishedAt, startedAt),
            json.String("html_url"));
    }

    /// <summary>A job of a run attempt, with its steps.</summary>
    public static (CiJob Job, IReadOnlyList<CiStep> Steps) Job(JsonElement json, string repository, int attempt, string url)
    {
        var jobId = GitHubJson.Required(json.Id("id"), "id", url);
        var createdAt = json.Time("created_at") ?? GitHubJson.Required(json.Time("started_at"), "created_at", url);
        var startedAt = json.Time("started_at");
        var job = new CiJob(
            Source,
            repository,
            GitHubJson.Required(json.Id("run_id"), "run_id", url),
            (int)(json.Long("run_attempt") ?? attempt),
            jobId,
            json.String("name") ?? "job",
            Status(json.String("status")),
            Conclusion(json.String("conclusion")),
            createdAt,
            startedAt,
            Latest(json.Time("completed_at"), startedAt),
            json.String("runner_name"),
            new ValueList<string>(json.Items("labels").Select(l => l.ValueKind == JsonValueKind.String ? l.GetString() : null).OfType<string>().ToList()));
        var steps = json.Items("steps")
            .Where(s => s.Long("number") is > 0)
            .Select(s =>
            {
                var stepStarted = s.Time("started_at");
                return new CiStep(
                    Source,
                    repository,
                    jobId,
                    (int)s.Long("number")!.Value,
                    s.String("name") ?? "step",
                    Status(s.String("status")),
                    Conclusion(s.String("conclusion")),
                    stepStarted,
                    Latest(s.Time("completed_at"), stepStarted));
            })
            .ToList();
        return (job, steps);
    }

    /// <summary>A deployment with its latest status (the first of the statuses list, which is newest first).</summary>
    public static Deployment Deployment(JsonElement json, JsonElement? latestStatus, string repository, Dictionary<string, Identity> accounts, string url)
    {
        Remember(json.Get("creator"), accounts);
        var createdAt = GitHubJson.Required(json.Time("created_at"), "created_at", url);
        var state = latestStatus?.String("state");
        var status = state switch
        {
            null or "pending" or "queued" => DeploymentStatus.Pending,
            "in_progress" => DeploymentStatus.InProgress,
            "success" => DeploymentStatus.Success,
            "failure" => DeploymentStatus.Failure,
            "error" => DeploymentStatus.Error,
            "inactive" => DeploymentStatus.Inactive,
            _ => throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"GET {url}: deployment state '{state}' is unknown"),
        };
        if (latestStatus is { } latest)
        {
            Remember(latest.Get("creator"), accounts);
        }

        var final = status is DeploymentStatus.Success or DeploymentStatus.Failure or DeploymentStatus.Error or DeploymentStatus.Inactive;
        return new Deployment(
            Source,
            GitHubJson.Required(json.Id("id"), "id", url),
            repository,
            json.String("environment") ?? json.String("original_environment") ?? "unknown",
            status,
            GitHubJson.Required(json.String("sha"), "sha", url),
            json.String("ref"),
            createdAt,
            final ? Latest(latestStatus?.Time("created_at"), createdAt) : null,
            null);
    }

    /// <summary>Adds a user object (null, <c>{}</c> or a full user) to the account book.</summary>
    public static void Remember(JsonElement? user, Dictionary<string, Identity> accounts)
    {
        if (user?.String("login") is not { } login)
        {
            return;
        }

        accounts.TryAdd(login, new Identity(Source, login, user.Value.String("name"), user.Value.String("email"), user.Value.String("type") == "Bot", null));
    }

    /// <summary>A pull request's state: merged wins over closed (REST says <c>closed</c> for both, GraphQL <c>MERGED</c>/<c>CLOSED</c>).</summary>
    private static PullRequestState StateOf(DateTimeOffset? mergedAt, bool closed) =>
        mergedAt is not null ? PullRequestState.Merged : closed ? PullRequestState.Closed : PullRequestState.Open;

    /// <summary>A review state in any case (REST and GraphQL write capitals, webhook payloads lower case); null for a pending review.</summary>
    private static ReviewState? ReviewStateOf(string? state, string url, string where) => state?.ToUpperInvariant() switch
    {
        "APPROVED" => ReviewState.Approved,
        "CHANGES_REQUESTED" => ReviewState.ChangesRequested,
        "COMMENTED" => ReviewState.Commented,
        "DISMISSED" => ReviewState.Dismissed,
        "PENDING" => null,
        var other => throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"{where}: review state '{other}' is not one of APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING"),
    };

    /// <summary>A changed file's kind from REST's <c>status</c> (lower case) or GraphQL's <c>changeType</c> (capitals).</summary>
    private static FileChangeKind FileKindOf(string? status, string url, string where) => status?.ToLowerInvariant() switch
    {
        "added" => FileChangeKind.Added,
        "removed" or "deleted" => FileChangeKind.Deleted,
        "renamed" => FileChangeKind.Renamed,
        "copied" => FileChangeKind.Copied,
        // "changed" is a mode change; "unchanged" appears with renames' companions: both keep the file, modified.
        "modified" or "changed" or "unchanged" => FileChangeKind.Modified,
        _ => throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"{where}: file status '{status}' is not one of added, removed, modified, renamed, copied, changed, unchanged"),
    };

    private static string Account(JsonElement json, string property, Dictionary<string, Identity> accounts)
    {
        var user = json.Get(property);
        Remember(user, accounts);
        return user?.String("login") ?? Ghost;
    }

    private static RunStatus Status(string? status) => status switch
    {
        "completed" => RunStatus.Completed,
        "in_progress" => RunStatus.InProgress,
        "waiting" => RunStatus.Waiting,
        _ => RunStatus.Queued, // queued, requested, pending, or absent
    };

    // REST types conclusions as free strings: an unknown one is kept as "no conclusion" rather than guessed.
    private static RunConclusion? Conclusion(string? conclusion) => conclusion switch
    {
        "success" => RunConclusion.Success,
        "failure" => RunConclusion.Failure,
        "cancelled" => RunConclusion.Cancelled,
        "skipped" => RunConclusion.Skipped,
        "timed_out" => RunConclusion.TimedOut,
        "neutral" => RunConclusion.Neutral,
        "action_required" => RunConclusion.ActionRequired,
        "startup_failure" => RunConclusion.StartupFailure,
        "stale" => RunConclusion.Stale,
        _ => null,
    };

    // Webhook payloads may carry an empty run name (GitHub's own samples do); the workflow file names it then.
    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? StripRef(string? path) => path is null ? null : path.Split('@')[0];

    // GitHub's clocks occasionally put an end a moment before its start; the records require order.
    private static DateTimeOffset? Latest(DateTimeOffset? end, DateTimeOffset? start) =>
        end is null ? null : start is null || end >= start ? end : start;
}
