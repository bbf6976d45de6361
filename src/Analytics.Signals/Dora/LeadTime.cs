using System.Runtime.CompilerServices;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Dora;

/// <summary>
/// <c>dora.lead_time</c>: change lead time and its stages, per team, observed when the change reaches production:
/// coding (first commit → opened), pickup (opened → first review by someone else), review (first review → merged),
/// deploy (merged → the first successful production deployment of the repository at or after the merge) and total
/// (first commit, or opening when no commit is known → deployed). Aggregated with the request's aggregator, with bootstrap
/// 95% intervals. Definition: <c>docs/signals/dora.md</c>.
/// </summary>
public sealed class LeadTime : ISignal
{
    private static readonly string[] Stages = ["total", "coding", "pickup", "review", "deploy"];

    private static readonly string[] PullRequestColumns = ["source", "source_id", "repository", "author", "created_at", "merged_at"];

    private static readonly string[] CommitColumns = ["pull_request_id", "authored_at"];

    private static readonly string[] ReviewColumns = ["pull_request_id", "reviewer", "submitted_at"];

    /// <summary>
    /// Above this many pull requests of a source their commits and reviews are read whole. Higher than
    /// <see cref="PullRequestChildren.WholeSourceAbove"/> for the review signals: a week at scale 1.0 ships about 4,200
    /// merges, and their 9 chunked reads cost less CPU than scans of the whole tables (bench/README.md, session 6).
    /// </summary>
    private const int WholeSourceAbove = 40 * PullRequestChildren.ChunkSize;

    /// <inheritdoc />
    public string Name => "dora.lead_time";

    /// <inheritdoc />
    public string Description => "Change lead time (first commit → production) and its coding, pickup, review and deploy stages, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var since = request.From - ProductionDeployments.LookBack;
        var deployments = (await ProductionDeployments.LoadAsync(request, since, cancellationToken))
            .GroupBy(d => d.Repository, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var firstAfter = deployments.ToDictionary(d => d.Key, d => new FirstDeploymentAfter(d.Value), StringComparer.OrdinalIgnoreCase);

        // Only the merges that reach production in the windows: a change is observed when its deployment goes live, and
        // one merged at or before a repository's last deployment before the windows went out with that one or earlier.
        // The read starts at the earliest such deployment of any repository (never before the look-back).
        var (windowsStart, windowsEnd) = WindowedValues.Span(request);
        var mergedSince = deployments.Values
            .Select(list => list.LastOrDefault(d => d.At < windowsStart) is { Repository: not null } before && before.At > since ? before.At : since)
            .DefaultIfEmpty(since)
            .Min();

        // Columnar reads (only the columns used, no record per row). The pull requests in the store's key order, as
        // before: their order is the order values reach the collectors, which the bootstrap intervals depend on.
        var merged = new List<MergedPullRequest>();
        var idsBySource = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var deployed = new CodeLookup<FirstDeploymentAfter?>(repository => firstAfter.GetValueOrDefault(repository));
        var query = StoreQuery.All.Since("merged_at", mergedSince).Before("merged_at", request.To);
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.PullRequests, PullRequestColumns, query, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(0);
            var ids = batch.Codes(1);
            var repositories = batch.Codes(2);
            var authors = batch.Codes(3);
            var created = batch.Ticks(4);
            var mergedAt = batch.Ticks(5);
            for (var row = 0; row < batch.Count; row++)
            {
                if (deployed.Get(strings, repositories[row]) is not { } lookup
                    || lookup.Find(At(mergedAt[row])) is not { } deployment
                    || deployment.At < windowsStart || deployment.At >= windowsEnd)
                {
                    continue; // Not deployed yet (its lead time is not known), or observed outside the windows.
                }

                var source = strings[sources[row]];
                var author = strings[authors[row]];
                var person = request.People.Find(source, author);
                if (person?.IsBot == true)
                {
                    continue;
                }

                var id = strings[ids[row]];
                (idsBySource.TryGetValue(source, out var bySource) ? bySource : idsBySource[source] = new(StringComparer.Ordinal))[id] = merged.Count;
                merged.Add(new MergedPullRequest(source, id, author, person, At(created[row]), At(mergedAt[row]), deployment));
            }
        }

        // Only the selected pull requests' commits and reviews, by pull request: the earliest of each does not depend on
        // the order they come in. Each read is one source and chunk: its id and reviewer codes are resolved once.
        var wanted = merged.Select(pr => (pr.Source, pr.Id)).ToList();
        var currentSource = string.Empty;
        var currentIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pullRequestOf = new CodeLookup<int>(id => currentIds.GetValueOrDefault(id, -1));
        var firstCommit = new DateTimeOffset?[merged.Count];
        await foreach (var (source, batch) in ChildrenAsync(request.Store, Entities.PullRequestCommits, CommitColumns, wanted, cancellationToken))
        {
            (currentSource, currentIds) = (source, idsBySource[source]);
            var prIds = batch.Codes(0);
            var authored = batch.Ticks(1);
            for (var row = 0; row < batch.Count; row++)
            {
                var i = pullRequestOf.Get(batch.Strings, prIds[row]);
                if (i >= 0 && (firstCommit[i] is not { } first || At(authored[row]) < first))
                {
                    firstCommit[i] = At(authored[row]);
                }
            }
        }

        var personOf = new CodeLookup<Person?>(account => request.People.Find(currentSource, account));
        var firstReview = new DateTimeOffset?[merged.Count];
        await foreach (var (source, batch) in ChildrenAsync(request.Store, Entities.Reviews, ReviewColumns, wanted, cancellationToken))
        {
            (currentSource, currentIds) = (source, idsBySource[source]);
            var strings = batch.Strings;
            var prIds = batch.Codes(0);
            var reviewers = batch.Codes(1);
            var submitted = batch.Ticks(2);
            for (var row = 0; row < batch.Count; row++)
            {
                var i = pullRequestOf.Get(strings, prIds[row]);
                if (i < 0)
                {
                    continue;
                }

                var pr = merged[i];
                var at = At(submitted[row]);
                if (at <= pr.MergedAt
                    && personOf.Get(strings, reviewers[row]) is var reviewer && reviewer?.IsBot != true
                    && !string.Equals(strings[reviewers[row]], pr.Author, StringComparison.OrdinalIgnoreCase)
                    && (reviewer is null || reviewer.Id != pr.AuthorPerson?.Id)
                    && (firstReview[i] is not { } first || at < first))
                {
                    firstReview[i] = at;
                }
            }
        }

        var collectors = request.Teams.ToDictionary(t => t.Id, t => Stages.ToDictionary(s => s, _ => WindowedValues.ForTeam(request, t)));
        for (var i = 0; i < merged.Count; i++)
        {
            var pr = merged[i];
            var mergedAt = pr.MergedAt;
            var deployment = pr.Deployment;
            var stages = collectors[deployment.Team.Id];
            var start = firstCommit[i] is { } committed && committed < pr.CreatedAt ? committed : pr.CreatedAt;
            stages["total"].Add(deployment.At, (deployment.At - start).TotalSeconds);
            stages["deploy"].Add(deployment.At, (deployment.At - mergedAt).TotalSeconds);
            if (firstCommit[i] is { } firstCommitted)
            {
                stages["coding"].Add(deployment.At, Math.Max(0, (pr.CreatedAt - firstCommitted).TotalSeconds));
            }

            if (firstReview[i] is { } reviewed)
            {
                stages["pickup"].Add(deployment.At, Math.Max(0, (reviewed - pr.CreatedAt).TotalSeconds));
                stages["review"].Add(deployment.At, Math.Max(0, (mergedAt - reviewed).TotalSeconds));
            }
        }

        return request.Teams
            .SelectMany(t => Stages.Select(stage => collectors[t.Id][stage].ToSeriesWithInterval(
                Name, Labels.Of(new Label("team", t.Id), new Label("stage", stage)), Unit, request.Aggregator)))
            .ToList();
    }

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>
    /// The commits or reviews of <paramref name="wanted"/>, with their source: chunk by chunk (PullRequestChildren) up to
    /// <see cref="WholeSourceAbove"/> pull requests of a source, else the whole source in the order the rows lie. Only
    /// the earliest of each pull request's records is kept, which no order changes, and a scan of the table costs less
    /// than walking the (source, pull_request_id) index and fetching each row.
    /// </summary>
    private static async IAsyncEnumerable<(string Source, ColumnBatch Batch)> ChildrenAsync(
        IStore store,
        EntityMap map,
        IReadOnlyList<string> columns,
        IReadOnlyList<(string Source, string Id)> wanted,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var bySource in wanted.GroupBy(pr => pr.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var batches = bySource.Count() > WholeSourceAbove
                ? store.ReadColumnsAsync(map, columns, StoreQuery.All.Where("source", bySource.Key).InAnyOrder(), cancellationToken)
                    .Select(batch => (bySource.Key, batch))
                : PullRequestChildren.ReadColumnsAsync(store, map, columns, [.. bySource], int.MaxValue, cancellationToken);
            await foreach (var item in batches.WithCancellation(cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>The columns of a selected pull request that the lead time uses.</summary>
    private sealed record MergedPullRequest(
        string Source,
        string Id,
        string Author,
        Person? AuthorPerson,
        DateTimeOffset CreatedAt,
        DateTimeOffset MergedAt,
        ProductionDeployment Deployment);
}
