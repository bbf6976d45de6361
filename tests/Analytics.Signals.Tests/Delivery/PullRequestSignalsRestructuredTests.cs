using Analytics.Collectors.Simulation;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Membership;
using Analytics.Signals.Review;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Stores;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.Delivery;

/// <summary>
/// <c>pr.wip</c>, <c>pr.wip_per_person</c>, <c>review.stale_prs</c>, the review load (<c>review.reviews</c>,
/// <c>review.load_gini</c>, <c>review.top_reviewer_share</c>), <c>pr.merged</c>, <c>pr.cycle_time</c> and <c>pr.size</c>
/// were restructured for speed (owners looked up once per repository, pull requests grouped by team once, one pass over
/// each pull request's activity, one shared read of the merged pull requests). Over a simulated organisation (seed 13,
/// 200 days ending 2026-11-02), on SQLite and PostgreSQL, each gives exactly what the former computation gave: the
/// former computations are kept below as test helpers only, over the same loads, and compared series for series.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class PullRequestSignalsRestructuredTests : IAsyncLifetime
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly SimulatedOrganisation Organisation =
        OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 13, Days = 200 });

    private readonly FreshStores _stores;

    private IStore _store = null!;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected PullRequestSignalsRestructuredTests(StoreKind kind) => _stores = new FreshStores(kind, new FakeTimeProvider(End));

    public async Task InitializeAsync()
    {
        _store = await _stores.OpenAsync(default);
        await using var writer = await _store.BeginWriteAsync(default);
        await writer.UpsertAsync(Entities.Repositories, Organisation.Repositories, default);
        await writer.UpsertAsync(Entities.PullRequests, Organisation.PullRequests, default);
        await writer.UpsertAsync(Entities.Reviews, Organisation.Reviews, default);
        await writer.UpsertAsync(Entities.ReviewComments, Organisation.ReviewComments, default);
        await writer.CommitAsync(default);
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task WorkInProgress_SimulatedOrganisation_GivesTheFormerSeries()
    {
        foreach (var request in Requests())
        {
            var wip = await new WorkInProgress().ComputeAsync(request, default);
            var perPerson = await new WorkInProgressPerPerson().ComputeAsync(request, default);

            wip.Should().Equal(await FormerWorkInProgress(request), Describe(request));
            perPerson.Should().Equal(await FormerWorkInProgressPerPerson(request), Describe(request));
            wip.SelectMany(s => s.Points).Sum(p => p.Value).Should().BeGreaterThan(20, Describe(request));
            perPerson.Select(s => s.Labels["person"]).Distinct().Should().HaveCountGreaterThan(3, Describe(request));
        }
    }

    [Fact]
    public async Task StalePullRequests_SimulatedOrganisation_GivesTheFormerSeries()
    {
        foreach (var request in Requests())
        {
            var stale = await new StalePullRequests().ComputeAsync(request, default);

            stale.Should().Equal(await FormerStalePullRequests(request), Describe(request));
            stale.SelectMany(s => s.Points).Sum(p => p.Value).Should().BeGreaterThan(0, Describe(request));
        }
    }

    [Fact]
    public async Task ReviewLoad_SimulatedOrganisation_CountsWhatTheFormerCounted()
    {
        foreach (var request in Requests())
        {
            // The load behind review.reviews, review.load_gini and review.top_reviewer_share: every team's windows, every
            // person's reviews in each window.
            var load = Describe(await ReviewLoad.ComputeAsync(request, default));

            load.Should().Equal(Describe(await FormerReviewLoad(request)), Describe(request));
            load.Should().Contain(line => !line.EndsWith(" 0", StringComparison.Ordinal), Describe(request));
        }
    }

    [Fact]
    public async Task MergedSignals_SimulatedOrganisation_GiveTheFormerSeries()
    {
        foreach (var request in Requests())
        {
            // pr.size first: the shared read is made by whichever signal comes first, and the bootstrap intervals are equal
            // only if the same values reach each window in the same order.
            var size = await new PullRequestSize().ComputeAsync(request, default);
            var merged = await new MergedPullRequests().ComputeAsync(request, default);
            var cycle = await new PullRequestCycleTime().ComputeAsync(request, default);
            var former = await FormerMergedByPeople(request);

            size.Should().Equal(request.Teams.Select(t => former[t.Id].Size.ToSeriesWithInterval("pr.size", Team(t), SignalUnit.Count, request.Aggregator)), Describe(request));
            merged.Should().Equal(request.Teams.Select(t => former[t.Id].Size.ToSeries("pr.merged", Team(t), SignalUnit.Count, v => v.Count)), Describe(request));
            cycle.Should().Equal(request.Teams.Select(t => former[t.Id].Cycle.ToSeries("pr.cycle_time", Team(t), SignalUnit.Seconds, v => Statistics.Quantile.Median(v))), Describe(request));
            size.SelectMany(s => s.Points).Count(p => p.HasInterval).Should().BeGreaterThan(5, Describe(request));
        }
    }

    /// <summary>
    /// The whole organisation by week and by day over the simulated period; one team by week over a quarter, its
    /// repositories spelt in another case than stored; two teams by month.
    /// </summary>
    private IEnumerable<SignalRequest> Requests()
    {
        var people = IdentityResolver.Resolve(Organisation.Identities, Organisation.Teams.SelectMany(t => t.Members), []);
        var teams = Organisation.Teams;
        var upper = teams[0] with { Repositories = ValueList.From(teams[0].Repositories.Select(r => r.ToUpperInvariant())) };
        yield return new SignalRequest(_store, teams, people, Organisation.Options.Start, End, Granularity.Week);
        yield return new SignalRequest(_store, teams, people, End.AddDays(-60), End.AddHours(-5), Granularity.Day);
        yield return new SignalRequest(_store, [upper], people, End.AddDays(-91), End, Granularity.Week);
        yield return new SignalRequest(_store, [teams[1], teams[2]], people, End.AddDays(-120), End.AddDays(-3), Granularity.Month);
    }

    private static Labels Team(Domain.People.Team team) => Labels.Of(new Label("team", team.Id));

    private static string Describe(SignalRequest request) =>
        FormattableString.Invariant($"{string.Join(",", request.Teams.Select(t => t.Id))} {request.From:O}..{request.To:O} {request.Granularity}");

    private static List<string> Describe(Dictionary<string, ReviewLoad> load) =>
        load.OrderBy(t => t.Key, StringComparer.Ordinal)
            .SelectMany(team => team.Value.PerPerson.SelectMany(person => team.Value.Windows.Select((window, i) =>
                FormattableString.Invariant($"{team.Key} {person.Key} {window} {person.Value.CountIn(i)}"))))
            .ToList();

    /// <summary>pr.wip before: every team filtered the open pull requests with <see cref="SignalRequest.OwnerOf"/>.</summary>
    private static async Task<IReadOnlyList<Series.Series>> FormerWorkInProgress(SignalRequest request)
    {
        var open = await OpenPullRequests.LoadAsync(request, default);
        return request.Teams.Select(team =>
        {
            var owned = open.Where(pr => request.OwnerOf(pr.Repository)?.Id == team.Id).ToList();
            var points = WindowedValues.ForTeam(request, team).Windows.Select(window =>
            {
                var at = OpenPullRequests.CountedAt(request, window);
                var count = owned.Count(pr => OpenPullRequests.IsOpenAt(pr, at));
                return new SeriesPoint(window, count, count);
            });
            return new Series.Series("pr.wip", Team(team), SignalUnit.Count, ValueList.From(points));
        }).ToList();
    }

    /// <summary>pr.wip_per_person before: the owner asked per pull request, each person's list counted per window.</summary>
    private static async Task<IReadOnlyList<Series.Series>> FormerWorkInProgressPerPerson(SignalRequest request)
    {
        var membership = new TeamMembership(request);
        var byPerson = new SortedDictionary<(string Team, string Person), List<OpenPullRequest>>();
        foreach (var team in request.Teams)
        {
            foreach (var person in membership.MembersOf(team))
            {
                byPerson.TryAdd((team.Id, person), []);
            }
        }

        foreach (var pr in await OpenPullRequests.LoadAsync(request, default))
        {
            if (request.OwnerOf(pr.Repository) is { } owner)
            {
                var team = membership.TeamOf(pr.Source, pr.Author) ?? owner;
                var key = (team.Id, membership.PersonOf(pr.Source, pr.Author).Key);
                (byPerson.TryGetValue(key, out var list) ? list : byPerson[key] = []).Add(pr);
            }
        }

        var windows = request.Teams.ToDictionary(t => t.Id, t => WindowedValues.ForTeam(request, t).Windows);
        return byPerson.Select(entry =>
        {
            var points = windows[entry.Key.Team].Select(window =>
            {
                var at = OpenPullRequests.CountedAt(request, window);
                var count = entry.Value.Count(pr => OpenPullRequests.IsOpenAt(pr, at));
                return new SeriesPoint(window, count, count);
            });
            return new Series.Series(
                "pr.wip_per_person", Labels.Of(new Label("team", entry.Key.Team), new Label("person", entry.Key.Person)), SignalUnit.Count, ValueList.From(points));
        }).ToList();
    }

    /// <summary>review.stale_prs before: every pull request and its whole activity scanned for every team and window.</summary>
    private static async Task<IReadOnlyList<Series.Series>> FormerStalePullRequests(SignalRequest request)
    {
        var data = (await ReviewData.LoadAsync(request, default)).Zip(await ReviewData.ActivityAsync(request, default), (pr, activity) => (pr, activity)).ToList();
        return request.Teams.Select(team =>
        {
            var windows = WindowedValues.ForTeam(request, team).Windows;
            var points = windows.Select(window =>
            {
                var at = window.End < request.To ? window.End : request.To;
                var stale = data.Count(d => d.pr.Team.Id == team.Id && d.pr.Author?.IsBot != true && !d.pr.IsDraft
                    && d.pr.CreatedAt < at
                    && (d.pr.ClosedAt is null || d.pr.ClosedAt >= at)
                    && d.activity.Where(a => a < at).DefaultIfEmpty(d.pr.CreatedAt).Max() < at - StalePullRequests.StaleAfter);
                return new SeriesPoint(window, stale, stale);
            });
            return new Series.Series("review.stale_prs", Team(team), SignalUnit.Count, ValueList.From(points));
        }).ToList();
    }

    /// <summary>ReviewLoad.ComputeAsync before: the whole list filtered once per team.</summary>
    private static async Task<Dictionary<string, ReviewLoad>> FormerReviewLoad(SignalRequest request)
    {
        var data = await ReviewData.LoadAsync(request, default);
        var result = new Dictionary<string, ReviewLoad>();
        foreach (var team in request.Teams)
        {
            var windows = WindowedValues.ForTeam(request, team).Windows;
            var perPerson = new SortedDictionary<string, WindowedValues>(StringComparer.Ordinal);
            foreach (var member in team.Members)
            {
                perPerson[member.Id] = new WindowedValues(windows);
            }

            foreach (var pr in data.Where(d => d.Team.Id == team.Id))
            {
                foreach (var review in pr.Reviews)
                {
                    if (!perPerson.TryGetValue(review.Reviewer, out var values))
                    {
                        perPerson[review.Reviewer] = values = new WindowedValues(windows);
                    }

                    values.Add(review.SubmittedAt, 1);
                }
            }

            result[team.Id] = new ReviewLoad(windows, perPerson, team.Members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        }

        return result;
    }

    /// <summary>
    /// MergedByPeople before its shared read: each signal read the merged pull requests itself (whole records here, which
    /// the columnar read is held to in ColumnarReviewReadTests), asking the owner and the author's person per row.
    /// </summary>
    private static async Task<Dictionary<string, (WindowedValues Size, WindowedValues Cycle)>> FormerMergedByPeople(SignalRequest request)
    {
        var collectors = request.Teams.ToDictionary(t => t.Id, t => (Size: WindowedValues.ForTeam(request, t), Cycle: WindowedValues.ForTeam(request, t)));
        var query = StoreQuery.All.Since("merged_at", request.From.AddDays(-7)).Before("merged_at", request.To.AddDays(7));
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, query, default))
        {
            if (request.OwnerOf(pr.Repository) is { } team && request.People.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                collectors[team.Id].Size.Add(pr.MergedAt!.Value, pr.ChangedLines);
                collectors[team.Id].Cycle.Add(pr.MergedAt!.Value, (pr.MergedAt!.Value - pr.CreatedAt).TotalSeconds);
            }
        }

        return collectors;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePullRequestSignalsRestructuredTests() : PullRequestSignalsRestructuredTests(StoreKind.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPullRequestSignalsRestructuredTests() : PullRequestSignalsRestructuredTests(StoreKind.Postgres);
