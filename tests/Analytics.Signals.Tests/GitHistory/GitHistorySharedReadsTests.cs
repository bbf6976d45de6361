using Analytics.Signals.Interruptions;
using Analytics.Signals.Onboarding;
using Analytics.Signals.Tests.Ci;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.GitHistory;

/// <summary>
/// The two <c>offhours.*</c> signals share one read of the commits, and the two <c>onboarding.*</c> signals one read of
/// the commits, pull requests and reviews, when computed over one request (<see cref="SignalRequest.OncePerRequestAsync"/>).
/// </summary>
public sealed class GitHistorySharedReadsTests
{
    [Fact]
    public async Task OffHoursSignals_SameRequest_ReadTheCommitsOnce()
    {
        await using var fixture = await SignalFixture.CreateAsync();
        var store = new CountingStore(fixture.Store);
        var request = fixture.TwoWeeks() with { Store = store };

        await new OffHoursWork().ComputeAsync(request, default);
        await new WeekendWork().ComputeAsync(request, default);

        store.ReadsOf(Entities.Commits.Table).Should().Be(1);

        // Another period is another request: it reads again.
        await new WeekendWork().ComputeAsync(request with { To = request.To.AddDays(7) }, default);
        store.ReadsOf(Entities.Commits.Table).Should().Be(2);
    }

    [Fact]
    public async Task OnboardingSignals_SameRequest_ReadTheHistoryOnce()
    {
        await using var fixture = await SignalFixture.CreateAsync();
        var store = new CountingStore(fixture.Store);
        var request = fixture.TwoWeeks() with { Store = store };

        await new TimeToFirstMergedPullRequest().ComputeAsync(request, default);
        await new TimeToFirstReviewGiven().ComputeAsync(request, default);

        store.ReadsOf(Entities.Commits.Table).Should().Be(1);
        store.ReadsOf(Entities.PullRequests.Table).Should().Be(1);
        store.ReadsOf(Entities.Reviews.Table).Should().Be(1);

        await new TimeToFirstReviewGiven().ComputeAsync(request with { To = request.To.AddDays(7) }, default);
        store.ReadsOf(Entities.Reviews.Table).Should().Be(2);
    }
}
