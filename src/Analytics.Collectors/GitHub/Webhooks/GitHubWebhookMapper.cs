using System.Text.Json;
using Analytics.Domain.Code;
using Analytics.Domain.People;

namespace Analytics.Collectors.GitHub.Webhooks;

/// <summary>
/// Maps the webhook events the product listens to (<c>pull_request</c>, <c>pull_request_review</c>, <c>workflow_run</c>,
/// <c>workflow_job</c>) to domain records through <see cref="GitHubMapper"/>. Other events (<c>ping</c>,
/// <c>check_run</c>…) are ignored, not refused, so one webhook can be shared with other receivers.
/// </summary>
public static class GitHubWebhookMapper
{
    /// <summary>The source of the records (and of the REST collector's cursors): <c>github</c>.</summary>
    public const string Source = GitHubMapper.Source;

    /// <summary>The events that produce records.</summary>
    public static IReadOnlyList<string> Events { get; } = ["pull_request", "pull_request_review", "workflow_run", "workflow_job"];

    /// <summary>Maps one delivery.</summary>
    /// <param name="eventName">The <c>X-GitHub-Event</c> header.</param>
    /// <param name="payload">The parsed body.</param>
    /// <param name="where">What to call the delivery in errors (its id).</param>
    /// <returns>The records, <see cref="GitHubWebhookMapping.Ignored"/>, or an error.</returns>
    public static GitHubWebhookMapping Map(string eventName, JsonElement payload, string where)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        if (!Events.Contains(eventName))
        {
            return new GitHubWebhookMapping(null, true, null);
        }

        var url = $"webhook {eventName} {where}";
        try
        {
            var repositoryJson = payload.Get("repository");
            if (repositoryJson is null)
            {
                return new GitHubWebhookMapping(null, false, $"{url}: field 'repository' is missing or null");
            }

            var repository = GitHubMapper.Repository(repositoryJson.Value, url);
            var accounts = new Dictionary<string, Identity>(StringComparer.Ordinal);
            GitHubMapper.Remember(payload.Get("sender"), accounts);
            var records = eventName switch
            {
                "pull_request" => PullRequestEvent(payload, repository, accounts, url),
                "pull_request_review" => ReviewEvent(payload, repository, accounts, url),
                "workflow_run" => Empty(repository) with
                {
                    WorkflowRuns = [GitHubMapper.WorkflowRun(Required(payload, "workflow_run", url), repository.FullName, accounts, url)],
                },
                _ => JobEvent(payload, repository, url),
            };
            return new GitHubWebhookMapping(records with { Identities = [.. accounts.Values.OrderBy(i => i.SourceId, StringComparer.Ordinal)] }, false, null);
        }
        catch (GitHubApiException e)
        {
            return new GitHubWebhookMapping(null, false, e.Message.Replace("GET ", "", StringComparison.Ordinal));
        }
        catch (ArgumentException e)
        {
            // A record's invariant refused a value (a blank id, an end before its start).
            return new GitHubWebhookMapping(null, false, $"{url}: {e.Message}");
        }
    }

    private static GitHubWebhookRecords PullRequestEvent(JsonElement payload, Repository repository, Dictionary<string, Identity> accounts, string url) =>
        Empty(repository) with { PullRequests = [GitHubMapper.PullRequest(Required(payload, "pull_request", url), repository.FullName, accounts, url)] };

    private static GitHubWebhookRecords ReviewEvent(JsonElement payload, Repository repository, Dictionary<string, Identity> accounts, string url)
    {
        var pullRequest = Required(payload, "pull_request", url);
        var number = GitHubJson.Required(pullRequest.Long("number"), "pull_request.number", url);
        var review = GitHubMapper.Review(Required(payload, "review", url), GitHubMapper.PullRequestId(repository.FullName, number), accounts, url);
        return Empty(repository) with { Reviews = review is null ? [] : [review] };
    }

    private static GitHubWebhookRecords JobEvent(JsonElement payload, Repository repository, string url)
    {
        var json = Required(payload, "workflow_job", url);
        var (job, steps) = GitHubMapper.Job(json, repository.FullName, (int)(json.Long("run_attempt") ?? 1), url);
        return Empty(repository) with { CiJobs = [job], CiSteps = steps };
    }

    private static JsonElement Required(JsonElement payload, string name, string url) =>
        payload.Get(name) ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"{url}: field '{name}' is missing or null");

    private static GitHubWebhookRecords Empty(Repository repository) => new([repository], [], [], [], [], [], []);
}
