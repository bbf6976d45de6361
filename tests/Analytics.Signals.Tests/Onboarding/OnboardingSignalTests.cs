using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Onboarding;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests.Onboarding;

/// <summary>
/// Team "payments" (UTC); the history starts with old's commit on Monday 3 August 2026, 10:00. The request covers the
/// weeks of Monday 5 and 12 October 2026 and ends Monday 19 October, 00:00.
/// <list type="bullet">
/// <item>ana first commits Tue 6 Oct 09:00 (appears), opens PR 1 Wed 7 09:00, merged Fri 9 09:00; first reviews someone
/// else's pull request (old's PR 2) Thu 8 09:00.</item>
/// <item>ben joined on 7 October (teams file: 00:00 UTC) and opened PR 3 on Mon 12 10:00, never merged; no review.</item>
/// <item>dee opens PR 4 Tue 13 09:00 (appears), comments on it herself at 10:00 (not a review of someone else's), PR 4 is
/// merged Wed 14 09:00, and she reviews ana's PR 1 Thu 15 09:00.</item>
/// <item>cy first commits Thu 13 August, ten days into the history: already there when it started, not a joiner, though
/// cy's first pull request merges in the period (PR 5, Tue 6 Oct).</item>
/// </list>
/// </summary>
public sealed class OnboardingSignalTests
{
    private static readonly DateTimeOffset HistoryStart = new(2026, 8, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Week1 = new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Week2 = Week1.AddDays(7);
    private const double Day = 86_400;

    [Fact]
    public async Task TimeToFirstMergedPr_Joiners_MedianPerWindowOfAppearance()
    {
        await using var fixture = await CreateAsync();

        var series = (await new TimeToFirstMergedPullRequest().ComputeAsync(Request(fixture), default)).Should().ContainSingle().Subject;

        // Week 1: ana 6 Oct 09:00 → 9 Oct 09:00 = 3 days; ben has no merged PR yet: 7 Oct 00:00 → the end, 19 Oct 00:00 =
        // 12 days (a lower bound). Median of [3, 12] = 7.5 days. Week 2: dee 13 Oct 09:00 → 14 Oct 09:00 = 1 day.
        series.Points.Select(p => p.Value).Should().Equal(7.5 * Day, 1 * Day);
        series.Points.Select(p => p.Observations).Should().Equal(2, 1);
        series.Unit.Should().Be(SignalUnit.Seconds);
    }

    [Fact]
    public async Task TimeToFirstReview_OwnPullRequestsDoNotCount()
    {
        await using var fixture = await CreateAsync();

        var series = (await new TimeToFirstReviewGiven().ComputeAsync(Request(fixture), default)).Should().ContainSingle().Subject;

        // Week 1: ana 6 Oct 09:00 → 8 Oct 09:00 = 2 days; ben none: 12 days; median 7 days.
        // Week 2: dee's comment on her own PR 4 does not count; her review of PR 1 on 15 Oct 09:00 is 2 days after she appeared.
        series.Points.Select(p => p.Value).Should().Equal(7 * Day, 2 * Day);
    }

    [Fact]
    public async Task Joiners_JoinedDateAfterFirstActivity_AppearAtTheFirstActivity()
    {
        await using var fixture = await CreateAsync();
        var request = Request(fixture);
        var team = request.Teams[0];
        var ana = team.Members.Single(m => m.Id == "ana") with { Joined = new DateOnly(2026, 10, 12) };

        var series = (await new TimeToFirstMergedPullRequest().ComputeAsync(
            request with { Teams = [team with { Members = ValueList.From(team.Members.Select(m => m.Id == "ana" ? ana : m)) }] }, default)).Single();

        // ana's configured joining day (12 Oct) is after her first commit (6 Oct): whichever is first counts, so week 1 is unchanged.
        series.Points[0].Value.Should().Be(7.5 * Day);
    }

    [Fact]
    public void Catalog_FindsTheOnboardingSignals()
    {
        SignalCatalog.Find("onboarding.time_to_first_merged_pr").Should().BeOfType<TimeToFirstMergedPullRequest>();
        SignalCatalog.Find("onboarding.time_to_first_review").Should().BeOfType<TimeToFirstReviewGiven>();
    }

    private static SignalRequest Request(SignalFixture fixture)
    {
        var team = new Team("payments", "Payments", "UTC",
            ValueList.Of(Member("old"), Member("ana"), Member("ben") with { Joined = new DateOnly(2026, 10, 7) }, Member("dee"), Member("cy")),
            ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        var people = IdentityResolver.Resolve([], team.Members, []);
        return new SignalRequest(fixture.Store, [team], people, Week1, Week2.AddDays(7), Granularity.Week);
    }

    private static TeamMember Member(string name) =>
        new(name, name, ValueList.Of(new IdentityRef("github", name), new IdentityRef("git", $"{name}@x")));

    private static Task<SignalFixture> CreateAsync() => SignalFixture.CreateAsync(
        Commit("c0", "old", HistoryStart),
        Commit("c1", "cy", HistoryStart.AddDays(10)),
        Commit("c2", "ana", Week1.AddDays(1).AddHours(9)),
        Pr(1, "ana", Week1.AddDays(2).AddHours(9), Week1.AddDays(4).AddHours(9)),
        Pr(2, "old", Week1.AddHours(8), null),
        Review("r1", 2, "ana", Week1.AddDays(3).AddHours(9)),
        Pr(3, "ben", Week2.AddHours(10), null),
        Pr(4, "dee", Week2.AddDays(1).AddHours(9), Week2.AddDays(2).AddHours(9)),
        Review("r2", 4, "dee", Week2.AddDays(1).AddHours(10)),
        Review("r3", 1, "dee", Week2.AddDays(3).AddHours(9)),
        Pr(5, "cy", Week1.AddDays(1), Week1.AddDays(1).AddHours(5)));

    private static Commit Commit(string sha, string author, DateTimeOffset at) =>
        new("git", "acme/api", sha, author, $"{author}@x", at, author, $"{author}@x", at, 1, 1, 1, "change");

    private static PullRequest Pr(int number, string author, DateTimeOffset created, DateTimeOffset? merged) =>
        new("github", $"pr{number}", "acme/api", number, "change", merged is null ? PullRequestState.Open : PullRequestState.Merged, false, author,
            created, merged ?? created, merged, merged, "main", "topic", 1, 1, 1, ValueList<string>.Empty, null);

    private static Domain.Code.Review Review(string id, int pr, string reviewer, DateTimeOffset at) =>
        new("github", id, $"pr{pr}", reviewer, ReviewState.Commented, at);
}
