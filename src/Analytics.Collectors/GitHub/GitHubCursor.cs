using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Where a repository's sync stands, stored as JSON in the store's cursor for (<c>github</c>, <c>owner/name</c>) and
/// committed with the records it covers.
/// </summary>
/// <param name="PullRequests">The newest <c>updated_at</c> of a pull request stored; older ones are not listed again.</param>
/// <param name="WorkflowRuns">The newest <c>updated_at</c> of a workflow run stored.</param>
/// <param name="Deployments">The newest <c>created_at</c> of a deployment stored.</param>
/// <param name="ETags">The entity tag of each URL requested by the last run, sent as <c>If-None-Match</c> next time.</param>
/// <param name="Links">The next page of each paged URL requested by the last run (used when a 304 carries no <c>link</c>).</param>
/// <param name="BackfillSince">The start date of a pull-request backfill under way or done.</param>
/// <param name="BackfillBelow">A backfill under way has stored every pull request updated at or after this; null when none is under way.</param>
/// <param name="BackfillDone">Whether the backfill to <paramref name="BackfillSince"/> finished.</param>
internal sealed record GitHubCursor(
    DateTimeOffset? PullRequests,
    DateTimeOffset? WorkflowRuns,
    DateTimeOffset? Deployments,
    IReadOnlyDictionary<string, string> ETags,
    IReadOnlyDictionary<string, string> Links,
    DateTimeOffset? BackfillSince = null,
    DateTimeOffset? BackfillBelow = null,
    bool BackfillDone = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The cursor of a repository never synced.</summary>
    public static GitHubCursor Empty { get; } = new(null, null, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Reads a stored cursor; null or unreadable text (an older format) starts over, which is safe because upserts are idempotent.</summary>
    public static GitHubCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<GitHubCursor>(text, Json) is { } cursor
                ? cursor with { ETags = cursor.ETags ?? new Dictionary<string, string>(), Links = cursor.Links ?? new Dictionary<string, string>() }
                : Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    /// <summary>The JSON stored.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);
}
