using System.Text;

namespace Analytics.Collectors.GitHub;

/// <summary>What to collect from GitHub (or GitHub Enterprise Server) and how hard to push the API.</summary>
public sealed record GitHubOptions
{
    /// <summary>The REST API root: <c>https://api.github.com</c> (default) or <c>https://HOST/api/v3</c> for GitHub Enterprise Server.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.github.com");

    /// <summary>
    /// The personal (or installation) token sent as <c>Authorization: Bearer</c>; empty when <see cref="App"/> is set.
    /// Never logged and never part of an error message.
    /// </summary>
    public string Token { get; init; } = "";

    /// <summary>Authenticate as this GitHub App installation instead of with <see cref="Token"/> (default null: use the token).</summary>
    public GitHubAppCredentials? App { get; init; }

    /// <summary>The environment variable the token came from; errors name it so a person knows what to fix.</summary>
    public string TokenVariable { get; init; } = "GITHUB_TOKEN";

    /// <summary>Repositories to collect, as <c>owner/name</c>.</summary>
    public IReadOnlyList<string> Repositories { get; init; } = [];

    /// <summary>Organisations whose repositories are collected (filtered by <see cref="Include"/> and <see cref="Exclude"/>).</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];

    /// <summary>Glob patterns (<c>*</c>, <c>?</c>) on <c>owner/name</c>; empty means everything. Applies to organisation repositories.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Glob patterns on <c>owner/name</c> that are left out, even when listed.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Requests in flight at once for this token (default 4; GitHub asks for serial use, and allows at most 100).</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>Retries of one request after 5xx, timeouts or secondary limits before it fails (default 5).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The longest wait for a rate-limit reset before the run gives up on what is left (default 15 minutes).</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The first backoff after a 5xx or timeout; doubles per retry, with jitter (default 1 second).</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one request may take before it counts as timed out and is retried (default 60 seconds).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Items per page of REST lists, 1–100 (default 100, GitHub's maximum).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>
    /// Reads pull requests with their reviews, review comments, commits and files in GraphQL pages (default true; see
    /// docs/sources/github.md). False reads each pull request with five REST lists instead (about five requests per pull
    /// request), for a GitHub Enterprise Server whose GraphQL API lacks <c>fullDatabaseId</c>.
    /// </summary>
    public bool GraphQL { get; init; } = true;

    /// <summary>
    /// Pull requests per GraphQL page, 1–100 (default 50): the start and the ceiling of the adaptive size, which halves
    /// when GitHub gives up on a page (502, 504, timeout, resource limit) and doubles back after successes.
    /// </summary>
    public int GraphQLPageSize { get; init; } = 50;

    /// <summary>
    /// Whether the GraphQL path reads the REST file list of each pull request that renames or copies a file, to store
    /// the path it came from (<see cref="Analytics.Domain.Code.PullRequestFile.OldPath"/>), which GraphQL does not give:
    /// one more request per such pull request. Off by default: no signal uses it (the git collector records renames per
    /// commit, which the truck factor follows), and it would multiply a backfill's requests. Off, such files are stored
    /// with their kind and no old path.
    /// </summary>
    public bool RenameOrigins { get; init; }

    /// <summary>
    /// How far before the stored watermark workflow runs and deployments are listed again (default 3 days): re-runs and
    /// new deployment statuses change old items, which are listed by creation time.
    /// </summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Where the first sync of a repository starts (items created or updated before it are not read); null reads everything.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// Glob patterns (<c>*</c>, <c>?</c>, case-insensitive) on artifact names whose JUnit/TRX reports are ingested, such
    /// as <c>*junit*</c> and <c>*test-results*</c>; empty (the default) reads no artifacts.
    /// </summary>
    public IReadOnlyList<string> ArtifactPatterns { get; init; } = [];

    /// <summary>The largest artifact zip downloaded (default 100 MiB); larger ones are noted and left.</summary>
    public long MaxArtifactBytes { get; init; } = 100L << 20;

    /// <summary>The most bytes an artifact's reports may inflate to (default 256 MiB): a guard against zip bombs.</summary>
    public long MaxArtifactExtractedBytes { get; init; } = 256L << 20;

    /// <summary>The most entries an artifact zip may hold (default 10,000): a guard against zip bombs.</summary>
    public int MaxArtifactEntries { get; init; } = 10_000;

    /// <summary>
    /// Reads every pull request and workflow run from <see cref="Since"/> (or all) again, ignoring the stored
    /// watermarks, and deletes those stored in that range that GitHub no longer lists (default false).
    /// </summary>
    public bool FullRefresh { get; init; }

    /// <summary>
    /// Reads pull requests back to <see cref="Since"/> even where the cursor's watermark says they were read, committing
    /// one list page of pull requests at a time with the position in the cursor, so a run that stops is resumed by
    /// the next (default false; needs <see cref="Since"/>).
    /// </summary>
    public bool Backfill { get; init; }

    /// <summary>The options as text, with the token shown as <c>***</c> (a record would print it; logs and errors must not).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("GitHubOptions { ");
        if ((this with { Token = Token.Length == 0 ? "" : "***" }).PrintMembers(builder))
        {
            builder.Append(' ');
        }

        return builder.Append('}').ToString();
    }
}
