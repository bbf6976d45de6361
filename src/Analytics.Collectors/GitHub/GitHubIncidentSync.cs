using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Brings GitHub issues carrying the incident label into <c>incidents</c>, one repository at a time, each in its own
/// transaction, through the same client as the GitHub collector (paging, rate limits, retries).
/// <c>GET /repos/{owner}/{repo}/issues?labels=&lt;label&gt;&amp;state=all&amp;sort=updated&amp;direction=asc&amp;since=&lt;cursor&gt;</c>;
/// pull requests in the answer are skipped. The cursor (<c>incidents:&lt;repo&gt;</c>) is the latest <c>updated_at</c>
/// seen. A full refresh reads every labelled issue and removes the repository's stored incidents that are no longer
/// listed (deleted, transferred, or the label taken off), in the same transaction.
/// </summary>
public sealed class GitHubIncidentSync : IDisposable
{
    private readonly IStore _store;
    private readonly GitHubOptions _options;
    private readonly GitHubIncidentOptions _incidents;
    private readonly TimeProvider _time;
    private readonly GitHubClient _client;

    /// <summary>Creates the sync.</summary>
    /// <param name="store">Where incidents go.</param>
    /// <param name="options">The connection and the repositories (<see cref="GitHubOptions.Repositories"/>).</param>
    /// <param name="incidents">Which issues are incidents.</param>
    /// <param name="time">The clock.</param>
    public GitHubIncidentSync(IStore store, GitHubOptions options, GitHubIncidentOptions incidents, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentException.ThrowIfNullOrWhiteSpace(incidents.Label);
        _store = store;
        _options = options;
        _incidents = incidents;
        _time = time;
        // As in GitHubSync: redirects are followed by the client, so the token never leaves GitHub.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _client = new GitHubClient(new HttpClient(handler), options, time);
    }

    /// <summary>The cursor scope of a repository's incidents.</summary>
    public static string Scope(string repository) => "incidents:" + repository;

    /// <summary>Syncs the incident issues of every configured repository, in order.</summary>
    /// <param name="fullRefresh">Read every labelled issue and remove the incidents no longer listed.</param>
    /// <param name="cancellationToken">Cancels the sync; the repository in progress is rolled back.</param>
    /// <exception cref="GitHubApiException">GitHub refused a request or kept failing; earlier repositories stay committed.</exception>
    /// <exception cref="SourceDataException">GitHub sent something that cannot be mapped.</exception>
    public async Task<IReadOnlyList<GitHubIncidentSyncResult>> SyncAsync(bool fullRefresh, CancellationToken cancellationToken)
    {
        var results = new List<GitHubIncidentSyncResult>();
        foreach (var repository in _options.Repositories)
        {
            results.Add(await SyncRepositoryAsync(repository, fullRefresh, cancellationToken));
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<GitHubIncidentSyncResult> SyncRepositoryAsync(string repository, bool fullRefresh, CancellationToken cancellationToken)
    {
        var cursorText = fullRefresh ? null : await _store.GetCursorAsync("github", Scope(repository), cancellationToken);
        DateTimeOffset? cursor = cursorText is null ? null : DateTimeOffset.Parse(cursorText, CultureInfo.InvariantCulture);
        var query = new StringBuilderQuery()
            .Add("labels", _incidents.Label).Add("state", "all").Add("sort", "updated").Add("direction", "asc")
            .Add("per_page", _options.PageSize.ToString(CultureInfo.InvariantCulture));
        if (cursor is { } since)
        {
            // `since` keeps issues updated at or after it: the issue at the cursor is read again and changes nothing.
            query.Add("since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        var mapper = new GitHubIncidentMapper(_incidents);
        var records = new Dictionary<string, Incident>(StringComparer.Ordinal);
        var payloads = new List<RawPayload>();
        DateTimeOffset? newest = cursor;
        await foreach (var page in _client.GetPagesAsync(_client.UrlOf($"repos/{repository}/issues?{query}"), null, cancellationToken))
        {
            payloads.Add(new RawPayload("github", "GET " + page.Url, _time.GetUtcNow(), "application/json", page.Body));
            var items = JsonFields.Parse(page.Body);
            if (items.ValueKind != JsonValueKind.Array)
            {
                throw new SourceDataException($"GET {page.Url}: expected a JSON array, found {items.ValueKind}");
            }

            foreach (var issue in items.EnumerateArray())
            {
                if (JsonFields.Get(issue, "pull_request").ValueKind == JsonValueKind.Object)
                {
                    continue; // The issues listing includes pull requests.
                }

                var incident = mapper.Map(repository, issue);
                records[incident.SourceId] = incident;
                var updated = IsoInstant.Read(JsonFields.Get(issue, "updated_at"), incident.SourceId + ": updated_at") ?? incident.CreatedAt;
                newest = newest is null || updated > newest ? updated : newest;
            }
        }

        await using var writer = await _store.BeginWriteAsync(cancellationToken);
        var changed = (await writer.UpsertAsync(Entities.Incidents, records.Values.ToList(), cancellationToken)).Changed;
        var removed = 0;
        if (fullRefresh)
        {
            var prefix = repository + "#";
            removed = (await UpstreamDeletes.RemoveMissingAsync(
                writer, Entities.Incidents, StoreQuery.All.Where("source", "github"),
                r => r.SourceId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase), r => records.ContainsKey(r.SourceId), cancellationToken)).Count;
        }

        foreach (var payload in payloads)
        {
            await writer.ArchiveAsync(payload, cancellationToken);
        }

        if (newest is { } n)
        {
            await writer.SetCursorAsync("github", Scope(repository), n.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        return new GitHubIncidentSyncResult(repository, records.Count, changed, removed, newest);
    }

    /// <summary>A query string built from escaped name=value pairs.</summary>
    private sealed class StringBuilderQuery
    {
        private readonly List<string> _pairs = [];

        public StringBuilderQuery Add(string name, string value)
        {
            _pairs.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
            return this;
        }

        public override string ToString() => string.Join('&', _pairs);
    }
}
