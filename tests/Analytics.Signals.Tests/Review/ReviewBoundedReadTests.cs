using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Dora;
using Analytics.Signals.Review;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Review;

/// <summary>
/// The review and lead-time signals read only the pull requests relevant to the period (open during it, or closed in it
/// or in the week before it) and those pull requests' reviews, comments and commits. These tests pin the edges of that
/// bound through the signals' results. Period: the two weeks 2–8 and 9–15 November 2026 (UTC), team "payments" owning
/// acme/api.
/// </summary>
public sealed class ReviewBoundedReadTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ReviewSignals_OpenedLongBeforeThePeriodMergedInIt_AreCounted()
    {
        // Opened 60 days before the period, first reviewed by bob on Tue 3 Nov 10:00, merged Wed 4 Nov 10:00.
        var opened = Monday.AddDays(-60);
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", opened, Monday.AddDays(2).AddHours(10)),
            Review("r1", 1, "bob", ReviewState.ChangesRequested, Monday.AddDays(1).AddHours(10)),
            Review("r2", 1, "bob", ReviewState.Approved, Monday.AddDays(2).AddHours(9)));
        var request = Request(fixture, Payments);

        var reviews = await new ReviewsPerReviewer().ComputeAsync(request, default);
        var first = (await new TimeToFirstReview().ComputeAsync(request, default)).Single();
        var rounds = (await new ReviewRounds().ComputeAsync(request, default)).Single();

        // bob's two reviews, both in week 1.
        reviews.Should().ContainSingle(s => s.Labels["person"] == "bob").Which.Points.Select(p => p.Value).Should().Equal(2, 0);
        // 60 days + 1 day + 10 h from opening to bob's first review = 61 × 86,400 + 36,000 = 5,306,400 s.
        first.Points.Select(p => p.Value).Should().Equal(5_306_400, null);
        // 1 + one request for changes.
        rounds.Points.Select(p => p.Value).Should().Equal(2, null);
    }

    [Fact]
    public async Task StalePullRequests_OpenSinceLongBeforeThePeriod_AreCounted()
    {
        // Open since 200 days before the period, nothing since: stale at the end of both weeks. PR 2 was closed
        // 20 days before the period: not relevant. PR 3 opens after the period: not relevant.
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", Monday.AddDays(-200), null),
            Pr(2, "bob", Monday.AddDays(-200), Monday.AddDays(-20)),
            Pr(3, "bob", Monday.AddDays(15), null));

        var stale = (await new StalePullRequests().ComputeAsync(Request(fixture, Payments), default)).Single();

        stale.Points.Select(p => p.Value).Should().Equal(1, 1);
    }

    [Fact]
    public async Task StalePullRequests_ClosedDuringThePeriod_CountOnlyWhileOpen()
    {
        // Opened 30 days before the period, closed unmerged Thu 12 Nov: stale at the end of week 1 only.
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", Monday.AddDays(-30), null) with { State = PullRequestState.Closed, ClosedAt = Monday.AddDays(10) });

        var stale = (await new StalePullRequests().ComputeAsync(Request(fixture, Payments), default)).Single();

        stale.Points.Select(p => p.Value).Should().Equal(1, 0);
    }

    [Fact]
    public async Task ReviewSignals_MergedAfterThePeriod_ReviewsOutsideItNotCounted()
    {
        // PR 1 is opened in the period, reviewed on Tue 10 Nov and merged after the period: its review counts, its merge
        // does not (no window holds it). PR 2 is opened, reviewed and merged after the period: nothing of it counts.
        var after = Monday.AddDays(16);
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", Monday.AddDays(8), after),
            Review("r1", 1, "bob", ReviewState.Approved, Monday.AddDays(8).AddHours(3)),
            Pr(2, "alice", after, after.AddHours(5)),
            Review("r2", 2, "bob", ReviewState.Approved, after.AddHours(1)));
        var request = Request(fixture, Payments);

        var reviews = await new ReviewsPerReviewer().ComputeAsync(request, default);
        var unreviewed = (await new MergedWithoutReview().ComputeAsync(request, default)).Single();

        reviews.Should().ContainSingle(s => s.Labels["person"] == "bob").Which.Points.Select(p => p.Value).Should().Equal(0, 1);
        unreviewed.Points.Select(p => p.Value).Should().Equal(new double?[] { null, null });
    }

    [Fact]
    public async Task ReviewSignals_OtherTeamsRepositories_NotCountedForTheTeam()
    {
        // acme/web belongs to "growth", which the first request does not ask about; the second asks about both teams.
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", Monday.AddHours(9), Monday.AddHours(12)),
            Review("r1", 1, "bob", ReviewState.Approved, Monday.AddHours(10)),
            Pr(2, "dave", Monday.AddHours(9), Monday.AddHours(12), "acme/web"),
            Review("r2", 2, "erin", ReviewState.Approved, Monday.AddHours(11), "acme/web"),
            Review("r3", 2, "bob", ReviewState.Approved, Monday.AddHours(11), "acme/web"));

        var paymentsOnly = await new ReviewsPerReviewer().ComputeAsync(Request(fixture, Payments), default);
        var both = await new ReviewsPerReviewer().ComputeAsync(Request(fixture, Payments, Growth), default);

        // bob reviewed once for payments (r1); erin never did. Members without reviews count 0 (alice, dave).
        paymentsOnly.Select(s => (s.Labels["person"], s.Points[0].Value)).Should().Equal(("alice", 0), ("bob", 1));
        both.Select(s => (s.Labels["team"], s.Labels["person"], s.Points[0].Value)).Should().Equal(
            ("payments", "alice", 0), ("payments", "bob", 1), ("growth", "bob", 1), ("growth", "dave", 0), ("growth", "erin", 1));
    }

    [Fact]
    public async Task ReviewSignals_RepositorySpelledInAnotherCase_StillTheTeams()
    {
        // GitHub reports "ACME/Api" while the team file says "acme/api": ownership ignores case, so the bounded read must too.
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", Monday.AddHours(9), Monday.AddHours(12), "ACME/Api"),
            Review("r1", 1, "bob", ReviewState.Approved, Monday.AddHours(10), "ACME/Api"));

        var reviews = await new ReviewsPerReviewer().ComputeAsync(Request(fixture, Payments), default);

        reviews.Select(s => (s.Labels["person"], s.Points[0].Value)).Should().Equal(("alice", 0), ("bob", 1));
    }

    [Fact]
    public async Task ReviewSignals_MoreOpenPullRequestsThanOneChunk_EveryReviewCounted()
    {
        // 1,201 pull requests (three chunks of 500 ids), each reviewed once by bob on Monday: 1,201 reviews in week 1.
        var records = new List<object>();
        for (var n = 1; n <= 1_201; n++)
        {
            records.Add(Pr(n, "alice", Monday.AddHours(1), null));
            records.Add(Review($"r{n}", n, "bob", ReviewState.Commented, Monday.AddHours(2)));
        }

        await using var fixture = await SignalFixture.CreateAsync([.. records]);

        var reviews = await new ReviewsPerReviewer().ComputeAsync(Request(fixture, Payments), default);

        reviews.Single(s => s.Labels["person"] == "bob").Points.Select(p => p.Value).Should().Equal(1_201, 0);
    }

    [Fact]
    public async Task ReadAsync_PullRequestsOfTwoSourcesOverSeveralChunks_ReturnsExactlyTheirRecordsOnce()
    {
        // 1,100 github pull requests and one gitlab pull request with the same id as github's #1; reviews on all of them.
        // Asking for github #1–#1,050 and the gitlab one must return those 1,051 reviews, each once, and no other.
        var records = new List<object>();
        var wanted = new List<PullRequest>();
        for (var n = 1; n <= 1_100; n++)
        {
            var pr = Pr(n, "alice", Monday, null);
            records.Add(pr);
            records.Add(Review($"r{n}", n, "bob", ReviewState.Commented, Monday.AddHours(1)));
            if (n <= 1_050)
            {
                wanted.Add(pr);
            }
        }

        var gitlab = Pr(1, "alice", Monday, null) with { Source = "gitlab" };
        records.Add(gitlab);
        records.Add(Review("r1", 1, "bob", ReviewState.Commented, Monday.AddHours(1)) with { Source = "gitlab", SourceId = "g1" });
        wanted.Add(gitlab);
        await using var fixture = await SignalFixture.CreateAsync([.. records]);

        var read = new List<Domain.Code.Review>();
        await foreach (var review in PullRequestChildren.ReadAsync(fixture.Store, Entities.Reviews, wanted, default))
        {
            read.Add(review);
        }

        read.Select(r => (r.Source, r.SourceId)).Should().OnlyHaveUniqueItems().And.HaveCount(1_051);
        read.Select(r => (r.Source, r.PullRequestId)).Should().BeEquivalentTo(wanted.Select(p => (p.Source, p.SourceId)));
    }

    [Fact]
    public async Task LeadTime_OpenedBeforeThePeriodMergedInIt_UsesItsCommitsAndReviews()
    {
        // Committed 10 days before the period (Fri 23 Oct 00:00), opened 5 days before (Wed 28 Oct 00:00), reviewed by
        // bob Mon 2 Nov 02:00, merged 04:00, deployed to production 06:00. Another merged pull request in the period has
        // no commit or review: its coding, pickup and review stages are empty.
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", Monday.AddDays(-5), Monday.AddHours(4)) with { MergeCommitSha = "m1" },
            new PullRequestCommit("github", "acme/api#1", "c1", "alice", Monday.AddDays(-10)),
            Review("r1", 1, "bob", ReviewState.Approved, Monday.AddHours(2)),
            Pr(2, "alice", Monday.AddHours(1), Monday.AddHours(3)) with { MergeCommitSha = "m2" },
            new Deployment("github", "D1", "acme/api", "production", DeploymentStatus.Success, "m1", "main",
                Monday.AddHours(5), Monday.AddHours(6), "api"));

        var series = await new LeadTime().ComputeAsync(fixture.TwoWeeks(), default);
        double? Stage(string stage) => series.Single(s => s.Labels["stage"] == stage).Points[0].Value;

        // coding: 5 days = 432,000 s; pickup: opened → review 5 d 2 h = 439,200 s; review: 2 h = 7,200 s.
        Stage("coding").Should().Be(432_000);
        Stage("pickup").Should().Be(439_200);
        Stage("review").Should().Be(7_200);
        // total: PR 1 from its commit, 10 d 6 h = 885,600 s; PR 2 from opening, 5 h = 18,000 s; median of two = 451,800 s.
        Stage("total").Should().Be(451_800);
    }

    private static readonly Team Payments = new("payments", "Payments", "UTC",
        ValueList.Of(Member("alice"), Member("bob")), ValueList.Of("acme/api"), ValueList<string>.Empty, null);

    private static readonly Team Growth = new("growth", "Growth", "UTC",
        ValueList.Of(Member("dave"), Member("erin")), ValueList.Of("acme/web"), ValueList<string>.Empty, null);

    private static SignalRequest Request(SignalFixture fixture, params Team[] teams)
    {
        var people = IdentityResolver.Resolve([], [.. teams.SelectMany(t => t.Members)], []);
        return new SignalRequest(fixture.Store, teams, people, Monday, Monday.AddDays(14), Granularity.Week);
    }

    private static TeamMember Member(string login) => new(login, login, ValueList.Of(new IdentityRef("github", login)));

    private static PullRequest Pr(int number, string author, DateTimeOffset created, DateTimeOffset? merged, string repository = "acme/api") =>
        new("github", $"{repository}#{number}", repository, number, $"PR {number}",
            merged is null ? PullRequestState.Open : PullRequestState.Merged, false, author,
            created, merged ?? created, merged, merged, "main", $"f{number}", 10, 2, 1, ValueList<string>.Empty, null);

    private static Domain.Code.Review Review(string id, int pr, string reviewer, ReviewState state, DateTimeOffset at, string repository = "acme/api") =>
        new("github", id, $"{repository}#{pr}", reviewer, state, at);
}
