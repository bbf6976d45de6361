using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Collects pull requests (with reviews, review comments, commits and changed files; through GraphQL pages behind a
/// conditional REST probe unless <see cref="GitHubOptions.GraphQL"/> is off), workflow runs (every attempt, with jobs and
/// steps) and deployments of the configured repositories. Each repository is read whole and then written in one
/// transaction together with its raw payloads and its advanced cursor: a repository that fails keeps what the store
/// held, the others go on, and the next run resumes from the cursor.
/// </summary>
public sealed class GitHubSync : IDisposable
{
    /// <summary>GitHub lists at most this many files of a pull request.</summary>
    internal const int MaxListedFiles = 3000;

    private readonly IStore _store;
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;
    private readonly GitHubClient _client;
    private readonly AdaptivePageSize _graphPageSize;
    private readonly GraphQLPullRequests _pullRequests;

    /// <summary>Creates a sync that talks to <see cref="GitHubOptions.BaseUrl"/>.</summary>
    /// <param name="store">Where records go.</param>
    /// <param name="options">What to collect and the token.</param>
    /// <param name="time">The clock (waits for rate limits and backoff use it).</param>
    public GitHubSync(IStore store, GitHubOptions options, TimeProvider time)
        : this(store, options, time, null)
    {
    }

    internal GitHubSync(IStore store, GitHubOptions options, TimeProvider time, Random? jitter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (options.App is null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(options.Token, nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GraphQLPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.GraphQLPageSize, 100);
        _store = store;
        _options = options;
        _time = time;
        // Redirects are followed by the client itself so a renamed repository is noticed and the token never leaves GitHub.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _client = new GitHubClient(new HttpClient(handler), options, time, jitter);
        // One size for the whole run: what GitHub could not answer for one repository it will not for the next.
        _graphPageSize = new AdaptivePageSize(options.GraphQLPageSize);
        _pullRequests = new GraphQLPullRequests(_client, options, _graphPageSize);
    }

    /// <summary>Syncs every configured repository (listed ones and those of the organisations).</summary>
    /// <param name="progress">Told what is being read.</param>
    /// <param name="cancellationToken">Cancels the sync; repositories already committed stay.</param>
    /// <returns>One result per repository; failures are results, not exceptions.</returns>
    public async Task<GitHubSyncReport> SyncAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var results = new List<GitHubRepositoryResult>();
        var repositories = await ResolveRepositoriesAsync(results, cancellationToken);
        string? stop = null;
        foreach (var name in repositories)
        {
            if (stop is not null)
            {
                results.Add(Failure(name, GitHubRepositoryStatus.Skipped, $"not attempted: {stop}"));
                continue;
            }

            progress?.Report(name);
            try
            {
                results.Add(await SyncRepositoryAsync(name, cancellationToken));
            }
            catch (GitHubApiException e)
            {
                results.Add(Failure(name, GitHubRepositoryStatus.Failed, $"{e.Message}; nothing stored for it in this run (but for backfill pages committed before), the next run resumes from its cursor"));
                // A rejected token or an exhausted rate limit would fail every other repository the same way.
                if (e.Kind is GitHubErrorKind.Unauthorized or GitHubErrorKind.RateLimited)
                {
                    stop = e.Kind == GitHubErrorKind.Unauthorized ? "the token was rejected" : "the rate limit is exhausted";
                }
            }
            catch (ArgumentException e)
            {
                // A payload the domain records reject (an invariant broken upstream): report it, keep the others.
                results.Add(Failure(name, GitHubRepositoryStatus.Failed, $"a GitHub payload was rejected: {e.Message}; nothing stored for it in this run"));
            }
        }

        return new GitHubSyncReport(results, _client.Requests, _client.NotModified)
        {
            TokenExchanges = _client.TokenExchanges,
            GraphQLQueries = _client.GraphQLRequests,
            GraphQLCost = _client.GraphQLCost,
            GraphQLPageSize = new GitHubPageSizeReport(_graphPageSize.Current, _graphPageSize.Smallest, _graphPageSize.Shrinks, _graphPageSize.Grows),
        };
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private static GitHubRepositoryResult Failure(string name, GitHubRepositoryStatus status, string message) =>
        new(name, status, null, 0, 0, 0, 0, 0, message);

    private async Task<List<string>> ResolveRepositoriesAsync(List<GitHubRepositoryResult> results, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _options.Repositories)
        {
            if (!GlobPattern.Selected(name, [], _options.Exclude))
            {
                results.Add(Failure(name, GitHubRepositoryStatus.Skipped, "excluded by a GitHub:Exclude pattern"));
            }
            else if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        foreach (var organisation in _options.Organisations)
        {
            try
            {
                var url = _client.UrlOf($"orgs/{Uri.EscapeDataString(organisation)}/repos?type=all&per_page={_options.PageSize}");
                await foreach (var page in _client.GetPagesAsync(url, null, cancellationToken))
                {
                    using var document = JsonDocument.Parse(page.Body);
                    foreach (var item in document.RootElement.EnumerateArray())
                    {
                        var name = GitHubJson.Required(item.String("full_name"), "full_name", page.Url);
                        if (!GlobPattern.Selected(name, _options.Include, _options.Exclude) || !seen.Add(name))
                        {
                            continue;
                        }

                        if (item.Bool("archived") == true)
                        {
                            results.Add(Failure(name, GitHubRepositoryStatus.Skipped, "archived: no longer collected"));
                        }
                        else
                        {
                            names.Add(name);
                        }
                    }
                }
            }
            catch (GitHubApiException e)
            {
                results.Add(Failure(organisation, GitHubRepositoryStatus.Failed, $"listing the organisation's repositories failed: {e.Message}"));
            }
        }

        return names;
    }

    private async Task<GitHubRepositoryResult> SyncRepositoryAsync(string name, CancellationToken cancellationToken)
    {
        var configuredCursor = await _store.GetCursorAsync(GitHubMapper.Source, name, cancellationToken);
        var cursor = GitHubCursor.Parse(configuredCursor);
        var cache = new RepositoryCache(_store, cursor);

        var repositoryUrl = _client.UrlOf($"repos/{name}");
        var repositoryResponse = await GetAsync(repositoryUrl, cache, cancellationToken);
        Repository repository;
        using (var document = Parse(repositoryResponse))
        {
            repository = GitHubMapper.Repository(document.RootElement, repositoryResponse.Url);
        }

        var fullName = repository.FullName;
        string? renamedTo = null;
        if (!string.Equals(fullName, name, StringComparison.OrdinalIgnoreCase))
        {
            renamedTo = fullName;
            // The cursor follows the repository's current name; an older one under that name wins.
            if (await _store.GetCursorAsync(GitHubMapper.Source, fullName, cancellationToken) is { } renamedCursor)
            {
                cursor = GitHubCursor.Parse(renamedCursor);
                cache = new RepositoryCache(_store, cursor);
            }

            cache.Record(repositoryResponse);
        }

        var backfilled = 0;
        var backfillWarnings = new List<string>();
        if (_options.Backfill && _options.Since is { } since && !(cursor.BackfillDone && cursor.BackfillSince <= since))
        {
            (cursor, backfilled) = await BackfillAsync(repository, since, cursor, backfillWarnings, cancellationToken);
            cache = new RepositoryCache(_store, cursor);

            // The backfill's cursor predates this run's answer for the repository itself: keep its entity tag.
            cache.Record(repositoryResponse);
        }

        if (_options.FullRefresh)
        {
            // Watermarks are ignored so everything in range is listed; entity tags stay, so unchanged pages cost a 304.
            cursor = cursor with { PullRequests = null, WorkflowRuns = null, Deployments = null };
        }

        var batch = new RepositoryBatch();
        batch.Warnings.AddRange(backfillWarnings);
        var pullsWatermark = await ReadPullRequestsAsync(fullName, cursor, cache, batch, cancellationToken);
        var runsWatermark = await ReadWorkflowRunsAsync(fullName, cursor, cache, batch, cancellationToken);
        var deploymentsWatermark = await ReadDeploymentsAsync(fullName, cursor, cache, batch, cancellationToken);

        // Reports are ingested before the repository's records are committed: if that commit fails, the runs are read
        // again next time and their reports ingested again, which changes nothing (ingestion is idempotent).
        var testReports = _options.ArtifactPatterns.Count == 0 ? 0
            : await new TestReportArtifacts(_client, _store, _options).IngestAsync(fullName, batch.Runs, cache, batch.Warnings, cancellationToken);

        var next = new GitHubCursor(pullsWatermark, runsWatermark, deploymentsWatermark, new Dictionary<string, string>(cache.ETags, StringComparer.Ordinal), new Dictionary<string, string>(cache.Links, StringComparer.Ordinal), cursor.BackfillSince, cursor.BackfillBelow, cursor.BackfillDone);
        var (changed, removed) = await WriteAsync(repository, batch, cache, next, _options.FullRefresh, cancellationToken);
        return new GitHubRepositoryResult(name, GitHubRepositoryStatus.Synced, renamedTo, batch.PullRequests.Count + backfilled, batch.Runs.Count, batch.Jobs.Count, batch.Deployments.Count, changed, null)
        {
            Warnings = batch.Warnings,
            TestReports = testReports,
            Removed = removed,
        };
    }

    // Lists pull requests newest-updated first and stores those in [since, BackfillBelow) one list page at a time, each
    // page in its own transaction with the lowered BackfillBelow: a stopped run leaves a cursor the next one resumes
    // from (pages already stored are listed again, which costs one request per page, but their pull requests are not
    // read again). A page is cut only where the update time changes, so no tie is split between two commits.
    private async Task<(GitHubCursor Cursor, int PullRequests)> BackfillAsync(Repository repository, DateTimeOffset since, GitHubCursor cursor, List<string> warnings, CancellationToken cancellationToken)
    {
        var below = cursor.BackfillSince == since ? cursor.BackfillBelow : null;
        var startedAtTop = below is null;
        DateTimeOffset? newest = null;
        var cache = new RepositoryCache(_store, cursor);
        var pending = new List<Candidate>();
        var stored = 0;
        var etags = new Dictionary<string, string>(cursor.ETags, StringComparer.Ordinal);
        var links = new Dictionary<string, string>(cursor.Links, StringComparer.Ordinal);

        async Task CommitAsync(bool done)
        {
            var batch = new RepositoryBatch();
            foreach (var candidate in pending)
            {
                AddDetail(batch, candidate.Detail ?? await ReadPullRequestAsync(repository.FullName, candidate.Number, cache, cancellationToken));
            }

            if (pending.Count > 0)
            {
                below = pending[^1].UpdatedAt;
            }

            // A 304 carries no link header: the next page of every list page must stay known.
            foreach (var (key, value) in cache.ETags)
            {
                etags[key] = value;
            }

            foreach (var (key, value) in cache.Links)
            {
                links[key] = value;
            }

            cursor = cursor with { ETags = new Dictionary<string, string>(etags, StringComparer.Ordinal), Links = new Dictionary<string, string>(links, StringComparer.Ordinal), BackfillSince = since, BackfillBelow = done ? null : below, BackfillDone = done };
            if (startedAtTop && newest is not null && (cursor.PullRequests is null || newest > cursor.PullRequests))
            {
                // Listed from the top: everything from the newest down to `below` is stored, and the rest is the
                // backfill's to finish, so incremental runs may start from the newest.
                cursor = cursor with { PullRequests = newest };
            }

            await WriteAsync(repository, batch, cache, cursor, removeUnlisted: false, cancellationToken);
            warnings.AddRange(batch.Warnings);
            stored += pending.Count;
            pending.Clear();
            cache = new RepositoryCache(_store, cursor);
        }

        // The cache is replaced after each commit: the list is read through the one current at each page.
        // GraphQL pages stop at `since` and leave out what an earlier run of this backfill stored, without reading on
        // their nested connections; the checks below repeat that for the REST list.
        await foreach (var candidate in CandidatesAsync(repository.FullName, () => cache, t => t < since, t => below is not null && t >= below, cancellationToken))
        {
            var updatedAt = candidate.UpdatedAt;
            if (updatedAt < since)
            {
                await CommitAsync(done: true);
                return (cursor, stored);
            }

            newest ??= updatedAt;
            if (below is not null && updatedAt >= below)
            {
                continue;
            }

            if (pending.Count >= _options.PageSize && pending[^1].UpdatedAt != updatedAt)
            {
                await CommitAsync(done: false);
            }

            pending.Add(candidate);
        }

        await CommitAsync(done: true);
        return (cursor, stored);
    }

    // Pull requests newest-updated first: through GraphQL already read whole; through REST as list items read later.
    private async IAsyncEnumerable<Candidate> CandidatesAsync(string repository, Func<RepositoryCache> cache, Func<DateTimeOffset, bool> isOld, Func<DateTimeOffset, bool> skip, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_options.GraphQL)
        {
            await foreach (var page in _pullRequests.PagesAsync(repository, cache, isOld, skip, null, cancellationToken))
            {
                // Answers of a page go to the archive with the batch of the cache current when it was read.
                foreach (var detail in page)
                {
                    yield return new Candidate(detail.PullRequest.UpdatedAt, detail.PullRequest.Number, detail);
                }
            }

            yield break;
        }

        var url = _client.UrlOf($"repos/{repository}/pulls?state=all&sort=updated&direction=desc&per_page={_options.PageSize}");
        await foreach (var page in _client.GetPagesAsync(url, cache(), cancellationToken))
        {
            cache().Record(page);
            using var document = Parse(page);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                yield return new Candidate(GitHubJson.Required(item.Time("updated_at"), "updated_at", page.Url), GitHubJson.Required(item.Long("number"), "number", page.Url), null);
            }
        }
    }

    private sealed record Candidate(DateTimeOffset UpdatedAt, long Number, PullRequestDetails? Detail);

    private static void AddDetail(RepositoryBatch batch, PullRequestDetails detail)
    {
        batch.PullRequests.Add(detail.PullRequest);
        batch.Reviews.AddRange(detail.Reviews);
        batch.ReviewComments.AddRange(detail.Comments);
        batch.Commits.AddRange(detail.Commits);
        batch.Files.AddRange(detail.Files);
        if (detail.Files.Count >= MaxListedFiles && detail.PullRequest.ChangedFiles > detail.Files.Count)
        {
            batch.Warnings.Add($"{detail.PullRequest.SourceId}: GitHub lists only {MaxListedFiles} of its {detail.PullRequest.ChangedFiles} changed files; the first {detail.Files.Count} are stored (the pull request's changed-file count is still the full one)");
        }

        foreach (var (login, identity) in detail.Accounts)
        {
            batch.Accounts.TryAdd(login, identity);
        }
    }

    private async Task<DateTimeOffset?> ReadPullRequestsAsync(string repository, GitHubCursor cursor, RepositoryCache cache, RepositoryBatch batch, CancellationToken cancellationToken)
    {
        if (_options.GraphQL)
        {
            return await ReadPullRequestsGraphAsync(repository, cursor, cache, batch, cancellationToken);
        }

        // The list has no `since`: sorted by update, newest first, it is read until the watermark.
        var url = _client.UrlOf($"repos/{repository}/pulls?state=all&sort=updated&direction=desc&per_page={_options.PageSize}");
        var watermark = cursor.PullRequests;
        var changed = new List<long>();
        await foreach (var page in PagesAsync(url, cache, cancellationToken))
        {
            using var document = Parse(page);
            var done = false;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var updatedAt = GitHubJson.Required(item.Time("updated_at"), "updated_at", page.Url);
                if (updatedAt <= cursor.PullRequests || updatedAt < _options.Since)
                {
                    done = true;
                    break;
                }

                changed.Add(GitHubJson.Required(item.Long("number"), "number", page.Url));
                watermark = watermark is null || updatedAt > watermark ? updatedAt : watermark;
            }

            if (done)
            {
                break;
            }
        }

        var details = new PullRequestDetails[changed.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, changed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (index, ct) => details[index] = await ReadPullRequestAsync(repository, changed[index], cache, ct));
        foreach (var detail in details)
        {
            AddDetail(batch, detail);
        }

        return watermark;
    }

    // A conditional REST probe of the list's first page tells for free (304) that nothing changed; otherwise GraphQL
    // pages are read until the watermark. When the probe shows the watermark, the first page asks for the changed pull
    // requests and one more: that one, at or below the watermark, ends the reading without another query (and if a pull
    // request was updated in between, it is not, and reading goes on).
    private async Task<DateTimeOffset?> ReadPullRequestsGraphAsync(string repository, GitHubCursor cursor, RepositoryCache cache, RepositoryBatch batch, CancellationToken cancellationToken)
    {
        var watermark = cursor.PullRequests;
        int? firstPage = null;
        if (!_options.FullRefresh)
        {
            var probe = await GetAsync(_client.UrlOf($"repos/{repository}/pulls?state=all&sort=updated&direction=desc&per_page={_options.PageSize}"), cache, cancellationToken);
            if (probe.NotModified)
            {
                return watermark;
            }

            using var document = Parse(probe);
            var items = document.RootElement.EnumerateArray().ToList();
            var changed = items.TakeWhile(item => GitHubJson.Required(item.Time("updated_at"), "updated_at", probe.Url) is var updatedAt
                && !(updatedAt <= cursor.PullRequests || updatedAt < _options.Since)).Count();
            if (changed == 0)
            {
                return watermark;
            }

            if (changed < items.Count || probe.NextUrl is null)
            {
                firstPage = changed + 1;
            }
        }

        bool IsOld(DateTimeOffset updatedAt) => updatedAt <= cursor.PullRequests || updatedAt < _options.Since;
        await foreach (var page in _pullRequests.PagesAsync(repository, () => cache, IsOld, _ => false, firstPage, cancellationToken))
        {
            var done = false;
            foreach (var detail in page)
            {
                var updatedAt = detail.PullRequest.UpdatedAt;
                if (IsOld(updatedAt))
                {
                    done = true;
                    break;
                }

                AddDetail(batch, detail);
                watermark = watermark is null || updatedAt > watermark ? updatedAt : watermark;
            }

            if (done)
            {
                break;
            }
        }

        return watermark;
    }

    private async Task<PullRequestDetails> ReadPullRequestAsync(string repository, long number, RepositoryCache cache, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, Identity>(StringComparer.Ordinal);
        var pullUrl = _client.UrlOf($"repos/{repository}/pulls/{number}");
        var response = await GetAsync(pullUrl, cache, cancellationToken);
        PullRequest pullRequest;
        using (var document = Parse(response))
        {
            pullRequest = GitHubMapper.PullRequest(document.RootElement, repository, accounts, response.Url);
        }

        var id = pullRequest.SourceId;
        var reviews = new List<Review>();
        await foreach (var page in PagesAsync($"{pullUrl}/reviews?per_page={_options.PageSize}", cache, cancellationToken))
        {
            using var document = Parse(page);
            reviews.AddRange(document.RootElement.EnumerateArray().Select(r => GitHubMapper.Review(r, id, accounts, page.Url)).OfType<Review>());
        }

        var comments = new List<ReviewComment>();
        await foreach (var page in PagesAsync($"{pullUrl}/comments?per_page={_options.PageSize}", cache, cancellationToken))
        {
            using var document = Parse(page);
            comments.AddRange(document.RootElement.EnumerateArray().Select(c => GitHubMapper.ReviewComment(c, id, accounts, page.Url)));
        }

        var commits = new List<PullRequestCommit>();
        await foreach (var page in PagesAsync($"{pullUrl}/commits?per_page={_options.PageSize}", cache, cancellationToken))
        {
            using var document = Parse(page);
            commits.AddRange(document.RootElement.EnumerateArray().Select(c => GitHubMapper.PullRequestCommit(c, id, accounts, page.Url)));
        }

        var files = new List<PullRequestFile>();
        await foreach (var page in PagesAsync($"{pullUrl}/files?per_page={_options.PageSize}", cache, cancellationToken))
        {
            using var document = Parse(page);
            files.AddRange(document.RootElement.EnumerateArray().Select(f => GitHubMapper.PullRequestFile(f, id, repository, page.Url)));
        }

        return new PullRequestDetails(pullRequest, reviews, comments, commits, files, accounts);
    }

    private async Task<DateTimeOffset?> ReadWorkflowRunsAsync(string repository, GitHubCursor cursor, RepositoryCache cache, RepositoryBatch batch, CancellationToken cancellationToken)
    {
        // Runs are listed newest created first, but a re-run changes an old run: everything created within the
        // look-back before the watermark is listed again, and what was updated after the watermark is read.
        var url = _client.UrlOf($"repos/{repository}/actions/runs?per_page={_options.PageSize}");
        var watermark = cursor.WorkflowRuns;
        var listUntil = cursor.WorkflowRuns - _options.Lookback;
        var runs = new List<(string Id, int Attempt, byte[] Json, string Url)>();
        await foreach (var page in PagesAsync(url, cache, cancellationToken))
        {
            using var document = Parse(page);
            var done = false;
            foreach (var item in document.RootElement.Items("workflow_runs"))
            {
                var createdAt = GitHubJson.Required(item.Time("created_at"), "created_at", page.Url);
                if (createdAt < listUntil || createdAt < _options.Since)
                {
                    done = true;
                    break;
                }

                var updatedAt = item.Time("updated_at") ?? createdAt;
                if (updatedAt <= cursor.WorkflowRuns)
                {
                    continue;
                }

                watermark = watermark is null || updatedAt > watermark ? updatedAt : watermark;
                runs.Add((GitHubJson.Required(item.Id("id"), "id", page.Url), (int)(item.Long("run_attempt") ?? 1), JsonSerializer.SerializeToUtf8Bytes(item), page.Url));
            }

            if (done)
            {
                break;
            }
        }

        foreach (var (id, attempt, json, listUrl) in runs)
        {
            using (var document = JsonDocument.Parse(json))
            {
                batch.Runs.Add(GitHubMapper.WorkflowRun(document.RootElement, repository, batch.Accounts, listUrl));
            }

            for (var number = 1; number <= attempt; number++)
            {
                var attemptUrl = _client.UrlOf($"repos/{repository}/actions/runs/{id}/attempts/{number}");
                if (number < attempt)
                {
                    var response = await GetAsync($"{attemptUrl}?exclude_pull_requests=true", cache, cancellationToken);
                    using var document = Parse(response);
                    batch.Runs.Add(GitHubMapper.WorkflowRun(document.RootElement, repository, batch.Accounts, response.Url));
                }

                await foreach (var page in PagesAsync($"{attemptUrl}/jobs?per_page={_options.PageSize}", cache, cancellationToken))
                {
                    using var document = Parse(page);
                    foreach (var item in document.RootElement.Items("jobs"))
                    {
                        var (job, steps) = GitHubMapper.Job(item, repository, number, page.Url);
                        batch.Jobs.Add(job);
                        batch.Steps.AddRange(steps);
                    }
                }
            }
        }

        return watermark;
    }

    private async Task<DateTimeOffset?> ReadDeploymentsAsync(string repository, GitHubCursor cursor, RepositoryCache cache, RepositoryBatch batch, CancellationToken cancellationToken)
    {
        // Newest first; statuses of recent deployments change after creation, so those within the look-back are
        // asked again (conditionally: unchanged ones cost a free 304).
        var url = _client.UrlOf($"repos/{repository}/deployments?per_page={_options.PageSize}");
        var watermark = cursor.Deployments;
        var listUntil = cursor.Deployments - _options.Lookback;
        var deployments = new List<(string Id, byte[] Json, string Url)>();
        await foreach (var page in PagesAsync(url, cache, cancellationToken))
        {
            using var document = Parse(page);
            var done = false;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var createdAt = GitHubJson.Required(item.Time("created_at"), "created_at", page.Url);
                if (createdAt < listUntil || createdAt < _options.Since)
                {
                    done = true;
                    break;
                }

                watermark = watermark is null || createdAt > watermark ? createdAt : watermark;
                deployments.Add((GitHubJson.Required(item.Id("id"), "id", page.Url), JsonSerializer.SerializeToUtf8Bytes(item), page.Url));
            }

            if (done)
            {
                break;
            }
        }

        foreach (var (id, json, listUrl) in deployments)
        {
            // Statuses are newest first: the first one is the latest.
            var response = await GetAsync(_client.UrlOf($"repos/{repository}/deployments/{id}/statuses?per_page=1"), cache, cancellationToken);
            using var statuses = Parse(response);
            JsonElement? latest = statuses.RootElement.ValueKind == JsonValueKind.Array && statuses.RootElement.GetArrayLength() > 0 ? statuses.RootElement[0] : null;
            using var document = JsonDocument.Parse(json);
            batch.Deployments.Add(GitHubMapper.Deployment(document.RootElement, latest, repository, batch.Accounts, listUrl));
        }

        return watermark;
    }

    private async Task<(int Changed, int Removed)> WriteAsync(Repository repository, RepositoryBatch batch, RepositoryCache cache, GitHubCursor cursor, bool removeUnlisted, CancellationToken cancellationToken)
    {
        await using var writer = await _store.BeginWriteAsync(cancellationToken);
        var changed = (await writer.UpsertAsync(Entities.Repositories, [repository], cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.PullRequests, batch.PullRequests, cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.Reviews, batch.Reviews, cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.ReviewComments, batch.ReviewComments, cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.PullRequestCommits, batch.Commits, cancellationToken)).Changed;
        changed += await ReplaceFilesAsync(writer, batch, cancellationToken);
        changed += (await writer.UpsertAsync(Entities.WorkflowRuns, batch.Runs, cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.CiJobs, batch.Jobs, cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.CiSteps, batch.Steps, cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.Deployments, batch.Deployments, cancellationToken)).Changed;
        changed += (await writer.UpsertAsync(Entities.Identities, batch.Accounts.Values.ToList(), cancellationToken)).Changed;
        var now = _time.GetUtcNow();
        foreach (var (url, body) in cache.Received)
        {
            await writer.ArchiveAsync(new RawPayload(GitHubMapper.Source, RepositoryCache.RequestKey(url), now, "application/json", body), cancellationToken);
        }

        foreach (var (key, body) in cache.Answers)
        {
            await writer.ArchiveAsync(new RawPayload(GitHubMapper.Source, key, now, "application/json", body), cancellationToken);
        }

        var removed = removeUnlisted ? await UpstreamDeletions.RemoveAsync(writer, repository.FullName, batch, _options.Since, cancellationToken) : 0;
        await writer.SetCursorAsync(GitHubMapper.Source, repository.FullName, cursor.Serialize(), cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return (changed, removed);
    }

    // A pull request read again lists its files as they are now: files it no longer changes (after a force-push or a
    // revert) are removed with the same transaction.
    private static async Task<int> ReplaceFilesAsync(IStoreWriter writer, RepositoryBatch batch, CancellationToken cancellationToken)
    {
        var changed = (await writer.UpsertAsync(Entities.PullRequestFiles, batch.Files, cancellationToken)).Changed;
        var current = batch.Files.Select(f => (f.PullRequestId, f.Path)).ToHashSet();
        var stale = new List<object[]>();
        foreach (var pullRequest in batch.PullRequests)
        {
            var query = StoreQuery.All.Where("source", GitHubMapper.Source).Where("pull_request_id", pullRequest.SourceId);
            await foreach (var file in writer.ReadAsync(Entities.PullRequestFiles, query, cancellationToken))
            {
                if (!current.Contains((file.PullRequestId, file.Path)))
                {
                    stale.Add([file.Source, file.PullRequestId, file.Path]);
                }
            }
        }

        return changed + (stale.Count == 0 ? 0 : await writer.DeleteAsync(Entities.PullRequestFiles, stale, cancellationToken));
    }

    private async Task<GitHubResponse> GetAsync(string url, RepositoryCache cache, CancellationToken cancellationToken)
    {
        var response = await _client.GetAsync(url, cache, cancellationToken);
        cache.Record(response);
        return response;
    }

    private async IAsyncEnumerable<GitHubResponse> PagesAsync(string url, RepositoryCache cache, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in _client.GetPagesAsync(url, cache, cancellationToken))
        {
            cache.Record(page);
            yield return page;
        }
    }

    internal static JsonDocument Parse(GitHubResponse response)
    {
        try
        {
            return JsonDocument.Parse(response.Body);
        }
        catch (JsonException e)
        {
            // Only an archived body (after a 304) can get here: the client checks what it receives.
            throw new GitHubApiException(GitHubErrorKind.MalformedResponse, response.Url, $"GET {response.Url}: malformed JSON: {e.Message}", e);
        }
    }

}
