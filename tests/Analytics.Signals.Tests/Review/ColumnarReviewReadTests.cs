using System.Globalization;
using Analytics.Collectors.Simulation;
using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Dora;
using Analytics.Signals.Review;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;

using Analytics.Testing.Stores;

namespace Analytics.Signals.Tests.Review;

/// <summary>
/// The columnar reads behind <c>review.*</c> (ReviewData), <c>dora.lead_time</c>, <c>pr.merged</c>,
/// <c>pr.cycle_time</c>, <c>pr.size</c> (MergedByPeople) and <c>pr.wip*</c> (OpenPullRequests) give exactly what the former
/// record reads gave, over a simulated organisation (seed 7, a year ending 2026-11-02), on SQLite and PostgreSQL. The
/// former readers are kept below as test helpers only: the review signals' former input (every field they use, in
/// order), the lead time's former series, the merged pull requests' values in each window in order, and the open pull
/// requests, compared value for value.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class ColumnarReviewReadTests : IAsyncLifetime
{
    private readonly FreshStores _stores;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected ColumnarReviewReadTests(StoreKind kind) => _stores = new FreshStores(kind, Time);

    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly SimulatedOrganisation Organisation =
        OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 7, Days = 200 });

    private IStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await OpenStoreAsync();
        await using var writer = await _store.BeginWriteAsync(default);
        await writer.UpsertAsync(Entities.Repositories, Organisation.Repositories, default);
        await writer.UpsertAsync(Entities.PullRequests, Organisation.PullRequests, default);
        await writer.UpsertAsync(Entities.Reviews, Organisation.Reviews, default);
        await writer.UpsertAsync(Entities.ReviewComments, Organisation.ReviewComments, default);
        await writer.UpsertAsync(Entities.PullRequestCommits, Organisation.PullRequestCommits, default);
        await writer.UpsertAsync(Entities.Deployments, Organisation.Deployments, default);
        await writer.CommitAsync(default);
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    protected FakeTimeProvider Time { get; } = new(End);

    /// <summary>A new, empty store of this class's kind (closed at disposal).</summary>
    protected Task<IStore> OpenStoreAsync() => _stores.OpenAsync(default);

    [Fact]
    public async Task LoadAsync_SimulatedOrganisation_GivesWhatTheRecordReadGave()
    {
        foreach (var request in Requests())
        {
            var columnar = await ReviewData.LoadAsync(request, default);
            var activity = await ReviewData.ActivityAsync(request, default);
            var former = await FormerReviewData(request);

            // Every field the review signals read, pull request by pull request in the same order, with the activity read
            // apart (the comments) as the former read gave it with each pull request. Enough pull requests, reviews and
            // comments that this cannot pass on empty lists.
            activity.Should().HaveCount(columnar.Count, Describe(request));
            columnar.Select((pr, i) => Describe(pr, activity[i])).Should().Equal(former.Select(f => Describe(f.PullRequest, f.Activity)), Describe(request));
            former.Should().HaveCountGreaterThan(20, Describe(request));
            former.Sum(f => f.PullRequest.Reviews.Count).Should().BeGreaterThan(20, Describe(request));
            former.Sum(f => f.Activity.Count - 1 - f.PullRequest.Reviews.Count).Should().BeGreaterThan(20, Describe(request));
        }
    }

    [Fact]
    public async Task ReadColumnsAsync_WholeSourceInsteadOfChunks_GivesEachPullRequestTheSameRecordsInTheSameOrder()
    {
        // Every third pull request, read chunk by chunk (the threshold out of reach) and as one read of the whole source
        // (threshold 0): each asked-for pull request gets the same reviews and comments, in the same order; the whole-source
        // read also brings the others', which callers skip.
        var wanted = Organisation.PullRequests.Where((_, i) => i % 3 == 0).Select(pr => (pr.Source, pr.SourceId)).ToList();
        var asked = wanted.ToHashSet();
        foreach (var (map, columns) in new[] { (Entities.Reviews as Storage.Schema.EntityMap, new[] { "pull_request_id", "reviewer", "submitted_at" }), (Entities.ReviewComments, ["pull_request_id", "created_at"]) })
        {
            var chunked = await PerPullRequest(map, columns, wanted, int.MaxValue, asked);
            var whole = await PerPullRequest(map, columns, wanted, 0, asked);

            whole.Keys.Should().BeEquivalentTo(chunked.Keys, map.Name);
            foreach (var (key, rows) in chunked)
            {
                whole[key].Should().Equal(rows, $"{map.Name} of {key}");
            }

            chunked.Values.Sum(rows => rows.Count).Should().BeGreaterThan(20, map.Name);
        }
    }

    private async Task<Dictionary<(string Source, string Id), List<string>>> PerPullRequest(
        Storage.Schema.EntityMap map, string[] columns, IReadOnlyList<(string Source, string Id)> wanted, int wholeSourceAbove, HashSet<(string Source, string Id)> asked)
    {
        var rows = new Dictionary<(string Source, string Id), List<string>>();
        await foreach (var (source, batch) in PullRequestChildren.ReadColumnsAsync(_store, map, columns, wanted, wholeSourceAbove, default))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                var key = (source, batch.Strings[batch.Codes(0)[row]]);
                if (asked.Contains(key))
                {
                    var values = string.Join(" ", Enumerable.Range(1, columns.Length - 1).Select(c =>
                        batch.Columns[c].Kind == Storage.Schema.ColumnKind.Instant ? batch.Ticks(c)[row].ToString(System.Globalization.CultureInfo.InvariantCulture) : batch.Strings[batch.Codes(c)[row]]));
                    (rows.TryGetValue(key, out var list) ? list : rows[key] = []).Add(values);
                }
            }
        }

        return rows;
    }

    [Fact]
    public async Task LeadTime_SimulatedOrganisation_GivesTheFormerSeries()
    {
        foreach (var request in Requests())
        {
            var columnar = await new LeadTime().ComputeAsync(request, default);
            var former = await FormerLeadTime(request);

            columnar.Should().Equal(former, Describe(request));
            former.SelectMany(s => s.Points).Count(p => p.Value is not null).Should().BeGreaterThan(10, Describe(request));
        }
    }

    [Fact]
    public async Task MergedByPeople_SimulatedOrganisation_CollectsWhatTheRecordReadCollected()
    {
        foreach (var request in Requests())
        {
            // Cycle time and changed lines, series with bootstrap intervals: equal only if the same values reach each
            // window in the same order.
            var cycle = await MergedByPeople.CollectAsync(request, pr => (pr.MergedAt - pr.CreatedAt).TotalSeconds, default);
            var size = await MergedByPeople.CollectAsync(request, pr => pr.ChangedLines, default);
            var formerCycle = await FormerMergedByPeople(request, pr => (pr.MergedAt!.Value - pr.CreatedAt).TotalSeconds);
            var formerSize = await FormerMergedByPeople(request, pr => pr.ChangedLines);

            foreach (var team in request.Teams)
            {
                var labels = Labels.Of(new Label("team", team.Id));
                cycle[team.Id].ToSeriesWithInterval("cycle", labels, SignalUnit.Seconds, request.Aggregator)
                    .Should().Be(formerCycle[team.Id].ToSeriesWithInterval("cycle", labels, SignalUnit.Seconds, request.Aggregator), Describe(request));
                size[team.Id].ToSeriesWithInterval("size", labels, SignalUnit.Count, request.Aggregator)
                    .Should().Be(formerSize[team.Id].ToSeriesWithInterval("size", labels, SignalUnit.Count, request.Aggregator), Describe(request));
            }

            formerSize.Values.Sum(v => v.Windows.Select((_, i) => v.CountIn(i)).Sum()).Should().BeGreaterThan(20, Describe(request));
        }
    }

    [Fact]
    public async Task OpenPullRequests_SimulatedOrganisation_LoadsWhatTheRecordReadLoaded()
    {
        foreach (var request in Requests())
        {
            // The signals count them per team and person, so the order is free; the store-side filter may leave out
            // repositories no team owns, which the signals drop anyway.
            var columnar = (await OpenPullRequests.LoadAsync(request, default)).Where(pr => request.OwnerOf(pr.Repository) is not null).ToList();
            var former = (await FormerOpenPullRequests(request)).Where(pr => request.OwnerOf(pr.Repository) is not null).ToList();

            columnar.Should().BeEquivalentTo(former, Describe(request));
            former.Should().HaveCountGreaterThan(20, Describe(request));
        }
    }

    /// <summary>
    /// The whole organisation by week over the simulated period; one team by quarter-long weeks, its repository spelt in
    /// another case than stored (the store-side filter must read the stored spelling); two teams by month.
    /// </summary>
    private IEnumerable<SignalRequest> Requests()
    {
        var people = IdentityResolver.Resolve(Organisation.Identities, Organisation.Teams.SelectMany(t => t.Members), []);
        var teams = Organisation.Teams;
        var upper = teams[0] with { Repositories = Analytics.Domain.Common.ValueList.From(teams[0].Repositories.Select(r => r.ToUpperInvariant())) };
        yield return new SignalRequest(_store, teams, people, Organisation.Options.Start, End, Granularity.Week);
        yield return new SignalRequest(_store, [upper], people, End.AddDays(-91), End, Granularity.Week);
        yield return new SignalRequest(_store, [teams[1], teams[2]], people, End.AddDays(-120), End, Granularity.Month);
    }

    private static string Describe(SignalRequest request) =>
        FormattableString.Invariant($"{string.Join(",", request.Teams.Select(t => t.Id))} {request.From:O}..{request.To:O} {request.Granularity}");

    private static string Describe(ReviewedPullRequest pr, IReadOnlyList<DateTimeOffset> activity) => string.Join(
        " ",
        pr.Team.Id,
        pr.Author?.Id ?? "-",
        pr.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        pr.MergedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-",
        pr.ClosedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-",
        pr.IsDraft ? "draft" : "ready",
        "reviews:" + string.Join(",", pr.Reviews.Select(r => FormattableString.Invariant($"{r.SubmittedAt.UtcTicks}/{r.State}/{r.Reviewer}"))),
        "activity:" + string.Join(",", activity.Select(a => a.UtcTicks.ToString(CultureInfo.InvariantCulture))));

    /// <summary>ReviewData before the columnar reads: whole records, repositories filtered after reading.</summary>
    private static async Task<IReadOnlyList<(ReviewedPullRequest PullRequest, List<DateTimeOffset> Activity)>> FormerReviewData(SignalRequest request)
    {
        var since = request.From.AddDays(-7);
        var pullRequests = new Dictionary<string, (PullRequest PullRequest, Team Team)>(StringComparer.Ordinal);
        var closed = StoreQuery.All.Since("closed_at", since).Before("created_at", request.To).OrderedBy("closed_at");
        var open = StoreQuery.All.Where("state", PullRequestState.Open).Before("created_at", request.To).OrderedBy("created_at");
        foreach (var query in new[] { closed, open })
        {
            await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, query, default))
            {
                if (pr.CreatedAt < request.To && (pr.ClosedAt is null || pr.ClosedAt >= since) && request.OwnerOf(pr.Repository) is { } team)
                {
                    pullRequests[Key(pr.Source, pr.SourceId)] = (pr, team);
                }
            }
        }

        var selected = pullRequests.Values.Select(v => v.PullRequest).ToList();
        var reviews = new Dictionary<string, List<Domain.Code.Review>>(StringComparer.Ordinal);
        await foreach (var review in PullRequestChildren.ReadAsync(request.Store, Entities.Reviews, selected, default))
        {
            var key = Key(review.Source, review.PullRequestId);
            (reviews.TryGetValue(key, out var list) ? list : reviews[key] = []).Add(review);
        }

        var comments = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        await foreach (var comment in PullRequestChildren.ReadAsync(request.Store, Entities.ReviewComments, selected, default))
        {
            var key = Key(comment.Source, comment.PullRequestId);
            (comments.TryGetValue(key, out var list) ? list : comments[key] = []).Add(comment.CreatedAt);
        }

        return pullRequests.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry =>
        {
            var (pr, team) = entry.Value;
            var author = request.People.Find(pr.Source, pr.Author);
            var byOthers = reviews.GetValueOrDefault(entry.Key, [])
                .Select(r => (Review: r, Reviewer: request.People.Find(r.Source, r.Reviewer)))
                .Where(r => r.Reviewer?.IsBot != true && !SamePerson(r.Reviewer, r.Review.Reviewer, author, pr.Author))
                .OrderBy(r => r.Review.SubmittedAt)
                .Select(r => new ReviewByOther(r.Review.SubmittedAt, r.Review.State, r.Reviewer?.Id ?? r.Review.Reviewer))
                .ToList();
            var activity = reviews.GetValueOrDefault(entry.Key, []).Select(r => r.SubmittedAt)
                .Concat(comments.GetValueOrDefault(entry.Key, []))
                .Append(pr.CreatedAt)
                .Order()
                .ToList();
            return (new ReviewedPullRequest(pr.CreatedAt, pr.MergedAt, pr.ClosedAt, pr.IsDraft, team, author, byOthers), activity);
        }).ToList();
    }

    private static bool SamePerson(Person? reviewer, string reviewerAccount, Person? author, string authorAccount) =>
        reviewer is not null && author is not null
            ? reviewer.Id == author.Id
            : string.Equals(reviewerAccount, authorAccount, StringComparison.OrdinalIgnoreCase);

    /// <summary>dora.lead_time before the columnar reads (whole records), series for series.</summary>
    private static async Task<IReadOnlyList<Series.Series>> FormerLeadTime(SignalRequest request)
    {
        string[] stages = ["total", "coding", "pickup", "review", "deploy"];
        const string name = "dora.lead_time";
        var since = request.From - ProductionDeployments.LookBack;
        var deployments = (await ProductionDeployments.LoadAsync(request, since, default))
            .GroupBy(d => d.Repository, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        var merged = new Dictionary<string, PullRequest>(StringComparer.Ordinal);
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, StoreQuery.All.Since("merged_at", since).Before("merged_at", request.To), default))
        {
            if (request.People.Find(pr.Source, pr.Author)?.IsBot != true && deployments.ContainsKey(pr.Repository))
            {
                merged[Key(pr.Source, pr.SourceId)] = pr;
            }
        }

        var firstCommit = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var commit in PullRequestChildren.ReadAsync(request.Store, Entities.PullRequestCommits, merged.Values, default))
        {
            var key = Key(commit.Source, commit.PullRequestId);
            if (merged.ContainsKey(key) && (!firstCommit.TryGetValue(key, out var first) || commit.AuthoredAt < first))
            {
                firstCommit[key] = commit.AuthoredAt;
            }
        }

        var firstReview = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var review in PullRequestChildren.ReadAsync(request.Store, Entities.Reviews, merged.Values, default))
        {
            var key = Key(review.Source, review.PullRequestId);
            if (merged.TryGetValue(key, out var pr) && review.SubmittedAt <= pr.MergedAt
                && request.People.Find(review.Source, review.Reviewer) is var reviewer && reviewer?.IsBot != true
                && !string.Equals(review.Reviewer, pr.Author, StringComparison.OrdinalIgnoreCase)
                && (reviewer is null || reviewer.Id != request.People.Find(pr.Source, pr.Author)?.Id)
                && (!firstReview.TryGetValue(key, out var first) || review.SubmittedAt < first))
            {
                firstReview[key] = review.SubmittedAt;
            }
        }

        var collectors = request.Teams.ToDictionary(t => t.Id, t => stages.ToDictionary(s => s, _ => WindowedValues.ForTeam(request, t)));
        foreach (var (key, pr) in merged)
        {
            var mergedAt = pr.MergedAt!.Value;
            var deployment = deployments[pr.Repository].FirstOrDefault(d => d.At >= mergedAt);
            if (deployment.Repository is null)
            {
                continue;
            }

            var values = collectors[deployment.Team.Id];
            var start = firstCommit.TryGetValue(key, out var committed) && committed < pr.CreatedAt ? committed : pr.CreatedAt;
            values["total"].Add(deployment.At, (deployment.At - start).TotalSeconds);
            values["deploy"].Add(deployment.At, (deployment.At - mergedAt).TotalSeconds);
            if (firstCommit.ContainsKey(key))
            {
                values["coding"].Add(deployment.At, Math.Max(0, (pr.CreatedAt - committed).TotalSeconds));
            }

            if (firstReview.TryGetValue(key, out var reviewed))
            {
                values["pickup"].Add(deployment.At, Math.Max(0, (reviewed - pr.CreatedAt).TotalSeconds));
                values["review"].Add(deployment.At, Math.Max(0, (mergedAt - reviewed).TotalSeconds));
            }
        }

        return request.Teams
            .SelectMany(t => stages.Select(stage => collectors[t.Id][stage].ToSeriesWithInterval(
                name, Labels.Of(new Label("team", t.Id), new Label("stage", stage)), SignalUnit.Seconds, request.Aggregator)))
            .ToList();
    }

    /// <summary>MergedByPeople.CollectAsync before the columnar reads (whole records).</summary>
    private static async Task<Dictionary<string, WindowedValues>> FormerMergedByPeople(SignalRequest request, Func<PullRequest, double> valueOf)
    {
        var collectors = WindowedValues.PerTeam(request);
        var query = StoreQuery.All.Since("merged_at", request.From.AddDays(-7)).Before("merged_at", request.To.AddDays(7));
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, query, default))
        {
            if (request.OwnerOf(pr.Repository) is { } team && request.People.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                collectors[team.Id].Add(pr.MergedAt!.Value, valueOf(pr));
            }
        }

        return collectors;
    }

    /// <summary>OpenPullRequests.LoadAsync before the columnar reads (whole records, every repository).</summary>
    private static async Task<IReadOnlyList<OpenPullRequest>> FormerOpenPullRequests(SignalRequest request)
    {
        var earliest = request.Teams
            .Select(t => TimeWindow.Containing(request.From, request.Granularity, t.TimeZone).Start)
            .DefaultIfEmpty(request.From)
            .Min();
        var result = new List<OpenPullRequest>();
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, StoreQuery.All.Before("created_at", request.To), default))
        {
            var closed = pr.ClosedAt ?? pr.MergedAt ?? (pr.State == PullRequestState.Open ? null : pr.UpdatedAt);
            if (!pr.IsDraft && (closed is not { } at || at >= earliest) && request.People.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                result.Add(new OpenPullRequest(pr.Source, pr.Repository, pr.Author, pr.CreatedAt, closed));
            }
        }

        return result;
    }

    private static string Key(string source, string id) => source + "\u001f" + id;
}

/// <summary>On SQLite.</summary>
public sealed class SqliteColumnarReviewReadTests() : ColumnarReviewReadTests(StoreKind.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresColumnarReviewReadTests() : ColumnarReviewReadTests(StoreKind.Postgres);
