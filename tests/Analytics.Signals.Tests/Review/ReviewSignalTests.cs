using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Review;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests.Review;

/// <summary>
/// One team (alice, bob, carol) over two weeks, 2–8 and 9–15 November 2026 (UTC):
/// PR1 alice, Mon 09:00: bob approves 11:00, carol comments 12:00, ci-bot (a bot) comments 09:05; merged 13:00.
/// PR2 bob, Tue 09:00: bob reviews himself 10:00 (not counted), alice asks for changes 13:00, approves Wed 09:00; merged Wed 10:00.
/// PR3 alice, Wed 09:00: merged 09:30 with no review.
/// PR4 carol, Thu 09:00: open, no activity since. PR5 carol: an open draft.
/// </summary>
public sealed class ReviewSignalTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task LoadSignals_OneWeekOfReviews_MatchHandComputedValues()
    {
        await using var fixture = await CreateAsync();
        var request = Request(fixture);

        var perPerson = await new ReviewsPerReviewer().ComputeAsync(request, default);
        var gini = (await new ReviewLoadGini().ComputeAsync(request, default)).Single();
        var top = (await new TopReviewerShare().ComputeAsync(request, default)).Single();

        // Week 1 reviews by others: alice 2 (PR2), bob 1 (PR1), carol 1 (PR1); ci-bot and bob's self-review excluded.
        perPerson.ToDictionary(s => s.Labels["person"]!, s => s.Points[0].Value).Should().Equal(
            new Dictionary<string, double?> { ["alice"] = 2, ["bob"] = 1, ["carol"] = 1 });
        // Gini of sorted [1, 1, 2]: (2 × (1·1 + 2·1 + 3·2)) / (3 × 4) − 4/3 = 18/12 − 16/12 = 1/6.
        gini.Points[0].Value.Should().BeApproximately(1.0 / 6, 1e-12);
        // Week 2 has no reviews: no Gini and no top share (0/0).
        gini.Points[1].Value.Should().BeNull();
        // Top share: alice's 2 of 4 reviews.
        top.Points.Select(p => p.Value).Should().Equal(0.5, null);
    }

    [Fact]
    public async Task FlowSignals_OneWeekOfReviews_MatchHandComputedValues()
    {
        await using var fixture = await CreateAsync();
        var request = Request(fixture);

        var first = (await new TimeToFirstReview().ComputeAsync(request, default)).Single();
        var rounds = (await new ReviewRounds().ComputeAsync(request, default)).Single();
        var unreviewed = (await new MergedWithoutReview().ComputeAsync(request, default)).Single();
        var stale = (await new StalePullRequests().ComputeAsync(request, default)).Single();

        // First reviews by others: PR1 after 2 h (bob), PR2 after 4 h (alice): median (7,200 + 14,400) / 2 = 10,800 s.
        first.Points.Select(p => p.Value).Should().Equal(10_800, null);
        // Rounds of reviewed merged PRs: PR1 1 + 0, PR2 1 + 1 changes requested: mean 1.5.
        rounds.Points.Select(p => p.Value).Should().Equal(1.5, null);
        // Merged in week 1: PR1, PR2 reviewed; PR3 not: 1/3.
        unreviewed.Points[0].Value.Should().BeApproximately(1.0 / 3, 1e-12);
        // PR4 idle since Thu 5 Nov 09:00: 3.6 days at the end of week 1 (not stale), 10.6 days at the end of week 2 (stale).
        // The draft PR5 never counts.
        stale.Points.Select(p => p.Value).Should().Equal(0, 1);
    }

    [Fact]
    public async Task LoadGini_ReviewerOutsideTheTeam_CountsOnlyInTheWindowsTheyReviewedIn()
    {
        // Team alice and bob; dave is no member. Week 1: bob and dave review PR1 (alice's), alice reviews PR2 (bob's).
        // Week 2: bob reviews PR3 (alice's).
        var mon = Monday.AddHours(9);
        var next = mon.AddDays(7);
        await using var fixture = await SignalFixture.CreateAsync(
            Pr(1, "alice", mon, null),
            Pr(2, "bob", mon, null),
            Pr(3, "alice", next, null),
            Review("r1", 1, "bob", ReviewState.Approved, mon.AddHours(1)),
            Review("r2", 1, "dave", ReviewState.Commented, mon.AddHours(2)),
            Review("r3", 2, "alice", ReviewState.Approved, mon.AddHours(3)),
            Review("r4", 3, "bob", ReviewState.Approved, next.AddHours(1)));
        var team = new Team("payments", "Payments", "UTC",
            ValueList.Of(Member("alice"), Member("bob")), ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        var request = new SignalRequest(
            fixture.Store, [team], IdentityResolver.Resolve([], team.Members, []), Monday, Monday.AddDays(14), Granularity.Week);

        var gini = (await new ReviewLoadGini().ComputeAsync(request, default)).Single();

        // Week 1: [1, 1, 1] (alice, bob, dave): 0. Week 2: the members [0, 1] (dave reviewed nothing that week and is not
        // counted): (2 × (1·0 + 2·1)) / (2 × 1) − 3/2 = 1/2; with dave as a zero it would be 2/3.
        gini.Points[0].Value.Should().BeApproximately(0, 1e-12);
        gini.Points[1].Value.Should().BeApproximately(0.5, 1e-12);
    }

    [Theory]
    [InlineData(new double[] { 5, 5, 5, 5 }, 0.0)]
    [InlineData(new double[] { 0, 0, 4 }, 2.0 / 3)] // One of three does everything: (n − 1)/n.
    [InlineData(new double[] { 1, 2, 3 }, 2.0 / 9)] // Σ|xᵢ − xⱼ| = 8 over ordered pairs; 8 / (2 × 9 × 2) = 2/9.
    public void Gini_KnownDistributions_MatchTheFormula(double[] loads, double expected)
    {
        Inequality.Gini(loads).Should().BeApproximately(expected, 1e-12);
    }

    private static SignalRequest Request(SignalFixture fixture)
    {
        var team = new Team("payments", "Payments", "UTC",
            ValueList.Of(Member("alice"), Member("bob"), Member("carol")), ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        var people = IdentityResolver.Resolve([new Identity("github", "ci-bot", null, null, true, null)], team.Members, []);
        return new SignalRequest(fixture.Store, [team], people, Monday, Monday.AddDays(14), Granularity.Week);
    }

    private static TeamMember Member(string login) => new(login, login, ValueList.Of(new IdentityRef("github", login)));

    private static Task<SignalFixture> CreateAsync()
    {
        var mon = Monday.AddHours(9);
        var tue = mon.AddDays(1);
        var wed = mon.AddDays(2);
        var thu = mon.AddDays(3);
        return SignalFixture.CreateAsync(
            Pr(1, "alice", mon, mon.AddHours(4)),
            Pr(2, "bob", tue, wed.AddHours(1)),
            Pr(3, "alice", wed, wed.AddMinutes(30)),
            Pr(4, "carol", thu, null),
            Pr(5, "carol", thu, null) with { IsDraft = true },
            Review("r1", 1, "bob", ReviewState.Approved, mon.AddHours(2)),
            Review("r2", 1, "carol", ReviewState.Commented, mon.AddHours(3)),
            Review("r3", 1, "ci-bot", ReviewState.Commented, mon.AddMinutes(5)),
            Review("r4", 2, "bob", ReviewState.Commented, tue.AddHours(1)),
            Review("r5", 2, "alice", ReviewState.ChangesRequested, tue.AddHours(4)),
            Review("r6", 2, "alice", ReviewState.Approved, wed));
    }

    private static PullRequest Pr(int number, string author, DateTimeOffset created, DateTimeOffset? merged) =>
        new("github", $"acme/api#{number}", "acme/api", number, $"PR {number}",
            merged is null ? PullRequestState.Open : PullRequestState.Merged, false, author,
            created, merged ?? created, merged, merged, "main", $"f{number}", 10, 2, 1, ValueList<string>.Empty, null);

    private static Domain.Code.Review Review(string id, int pr, string reviewer, ReviewState state, DateTimeOffset at) =>
        new("github", id, $"acme/api#{pr}", reviewer, state, at);
}
