using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Series;
using Analytics.Signals.Wins;

namespace Analytics.Signals.Tests.Wins;

/// <summary>
/// Team "payments" (acme/api, service api; alice = jira-alice), the week of 2–8 November 2026 in UTC.
/// Pull requests merged: #1 and #2 change src/checkout (their merge commits' files), #3 changes docs/ and src/refunds,
/// more lines in src/refunds; #4 has no file history; #5 is dependabot's (a bot: left out); #6 was merged the week after;
/// #7 is in another team's repository.
/// Deployments: d1 production success (in), d2 production failure, d3 staging success, d4 production success the week after.
/// Incidents: q1 resolved Wed after 2 h (in); q2 still open; q3 another service.
/// Tickets: E1 an Epic of alice's resolved Thu with two children; E2 an Epic resolved the week after; S1 a Story resolved Thu.
/// </summary>
public sealed class HighlightsQueryTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;

    [Fact]
    public async Task LoadAsync_Week_GroupsAndListsWhatShipped()
    {
        await using var fixture = await SignalFixture.CreateAsync(
            Pull(1, "Checkout retries", Mon.AddDays(1), "s1"),
            Pull(2, "Checkout timeouts", Mon.AddDays(2), "s2"),
            Pull(3, "Refund docs", Mon.AddDays(3), "s3"),
            Pull(4, "No history", Mon.AddDays(3), null),
            Pull(5, "Bump Polly", Mon.AddDays(3), null) with { Author = "dependabot[bot]" },
            Pull(6, "Next week", Mon.AddDays(8), null),
            Pull(7, "Elsewhere", Mon.AddDays(1), null) with { Repository = "acme/web", SourceId = "acme/web#7" },
            File("s1", "src/checkout/Retry.cs", 10), File("s2", "src/checkout/Timeout.cs", 5), File("s2", "README.md", 1),
            File("s3", "docs/refunds.md", 3), File("s3", "src/refunds/Refund.cs", 40),
            new Deployment("github", "d1", "acme/api", "production", DeploymentStatus.Success, "s1", "v1.2", Mon.AddDays(2), Mon.AddDays(2).AddMinutes(5), "api"),
            new Deployment("github", "d2", "acme/api", "production", DeploymentStatus.Failure, "s2", "v1.3", Mon.AddDays(3), Mon.AddDays(3).AddMinutes(5), "api"),
            new Deployment("github", "d3", "acme/api", "staging", DeploymentStatus.Success, "s2", "v1.3", Mon.AddDays(3), Mon.AddDays(3).AddMinutes(5), "api"),
            new Deployment("github", "d4", "acme/api", "production", DeploymentStatus.Success, "s3", "v1.4", Mon.AddDays(9), Mon.AddDays(9).AddMinutes(5), "api"),
            Incident("q1", "api", Mon.AddDays(2), Mon.AddDays(2).AddHours(2)),
            Incident("q2", "api", Mon.AddDays(2), null),
            Incident("q3", "web", Mon.AddDays(2), Mon.AddDays(2).AddHours(1)),
            Ticket("PAY-E1", "Epic", Mon.AddDays(3), null),
            Ticket("PAY-E2", "Epic", Mon.AddDays(9), null),
            Ticket("PAY-S1", "Story", Mon.AddDays(3), "PAY-E1"),
            Ticket("PAY-S2", "Story", null, "PAY-E1"));
        var team = fixture.Team with { Members = ValueList.Of(new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("jira", "jira-alice")))) };
        var request = fixture.TwoWeeks(new Identity("github", "dependabot[bot]", null, null, true, null)) with { Teams = [team] };

        var highlights = await HighlightsQuery.LoadAsync(request, team, new TimeWindow(DateOnly.FromDateTime(Mon.UtcDateTime), Granularity.Week, "UTC"), default);

        // src/checkout: #1 (11 = 10 lines + 1 per file) and #2 (6 vs README 2); src/refunds: #3 (41 vs docs 4); #4: no area.
        highlights.Areas.Should().Equal(
            new AreaHighlight("acme/api", "src/checkout", 2, ValueList.Of("Checkout timeouts", "Checkout retries")),
            new AreaHighlight("acme/api", "", 1, ValueList.Of("No history")),
            new AreaHighlight("acme/api", "src/refunds", 1, ValueList.Of("Refund docs")));
        highlights.Releases.Should().Equal(new ReleaseHighlight("acme/api", "api", "v1.2", Mon.AddDays(2).AddMinutes(5), "production", "s1"));
        highlights.ResolvedIncidents.Should().Equal(new IncidentHighlight("api", "SEV2", "q1", Mon.AddDays(2).AddHours(2), TimeSpan.FromHours(2), null));
        highlights.ClosedEpics.Should().Equal(new EpicHighlight("PAY-E1", "PAY-E1", Mon.AddDays(3), 2));
        highlights.IsEmpty.Should().BeFalse();
    }

    [Fact]
    public async Task LoadAsync_EmptyWeek_IsEmpty()
    {
        await using var fixture = await SignalFixture.CreateAsync();

        var highlights = await HighlightsQuery.LoadAsync(fixture.TwoWeeks(), fixture.Team, new TimeWindow(DateOnly.FromDateTime(Mon.UtcDateTime), Granularity.Week, "UTC"), default);

        highlights.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("src/checkout/Retry.cs", "src/checkout")]
    [InlineData("docs/guide.md", "docs")]
    [InlineData("README.md", "")]
    [InlineData("src/Program.cs", "src")]
    public void AreaOf_Paths_TopFolderOneDeeperUnderContainers(string path, string area) => HighlightsQuery.AreaOf(path).Should().Be(area);

    private static PullRequest Pull(int number, string title, DateTimeOffset merged, string? sha) =>
        new("github", $"acme/api#{number}", "acme/api", number, title, PullRequestState.Merged, false, "alice",
            Mon.AddDays(-2), merged, merged, merged, "main", "b", 1, 1, 1, ValueList<string>.Empty, sha);

    private static FileChange File(string sha, string path, int additions) => new("git", "acme/api", sha, path, null, FileChangeKind.Modified, additions, 0);

    private static Incident Incident(string id, string service, DateTimeOffset created, DateTimeOffset? resolved) =>
        new("pagerduty", id, id, service, "SEV2", resolved is null ? IncidentStatus.Triggered : IncidentStatus.Resolved, created, null, resolved, ValueList<string>.Empty, null, null);

    private static Ticket Ticket(string key, string type, DateTimeOffset? resolved, string? parent) =>
        new("jira", key, "PAY", type, key, resolved is null ? "To Do" : "Done", resolved is null ? StatusCategory.ToDo : StatusCategory.Done,
            Mon.AddDays(-30), resolved ?? Mon.AddDays(-30), resolved, null, null, "jira-alice", null, null, parent, ValueList<string>.Empty);
}
