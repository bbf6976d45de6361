using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Series;
using Analytics.Signals.WorkMix;

namespace Analytics.Signals.Tests.WorkMix;

/// <summary>
/// Team "payments" (alice = jira-alice, bob = jira-bob) maps component <c>infra</c> to chore on top of the defaults.
/// Weeks 2–8 and 9–15 November 2026 (UTC); tickets are Done with no transitions, so their record's resolution counts.
/// Week 1: T1 Story 3 pts (feature), T2 Bug 2 pts (bug), T3 Task labelled tech-debt 5 pts (tech-debt: a label decides
/// before the type), T4 Task with component infra, no points (chore). Week 2: T5 Task, nothing mapped (unclassified),
/// T6 Story labelled hotfix 1 pt (unplanned: label before type). T7 is resolved by zoe, in no team: counted nowhere.
/// Pull requests into acme/api: week 1 "PAY-3 …" (tech-debt, through T3) and branch alice/PAY-1-checkout (feature);
/// week 2 one labelled dependencies (chore, by its own label) and one with nothing (unclassified); one open (ignored).
/// </summary>
public sealed class WorkMixSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;

    [Fact]
    public async Task Items_TicketsPointsAndPullRequests_CountedByMappedType()
    {
        await using var fixture = await CreateAsync();

        var items = await new WorkItems().ComputeAsync(Request(fixture), default);

        // Every team × type × measure has a series (6 types × 3 measures), zeros included.
        items.Should().HaveCount(18);
        Values(items, "tickets").Should().BeEquivalentTo(new Dictionary<string, double?[]>
        {
            ["feature"] = [1, 0], ["bug"] = [1, 0], ["tech-debt"] = [1, 0], ["chore"] = [1, 0], ["unplanned"] = [0, 1], ["unclassified"] = [0, 1],
        });
        // Points: T1 3, T2 2, T3 5 in week 1 (T4 and T5 have none); T6 1 in week 2.
        Values(items, "points").Should().BeEquivalentTo(new Dictionary<string, double?[]>
        {
            ["feature"] = [3, 0], ["bug"] = [2, 0], ["tech-debt"] = [5, 0], ["chore"] = [0, 0], ["unplanned"] = [0, 1], ["unclassified"] = [0, 0],
        });
        Values(items, "pull_requests").Should().BeEquivalentTo(new Dictionary<string, double?[]>
        {
            ["feature"] = [1, 0], ["bug"] = [0, 0], ["tech-debt"] = [1, 0], ["chore"] = [0, 1], ["unplanned"] = [0, 0], ["unclassified"] = [0, 1],
        });
    }

    [Fact]
    public async Task Mix_Shares_AreAmountOverWindowTotal()
    {
        await using var fixture = await CreateAsync();

        var mix = await new WorkMixShare().ComputeAsync(Request(fixture), default);

        // Tickets week 1: four of four types once each, 1/4; week 2: unplanned and unclassified 1/2 each.
        Values(mix, "tickets")["tech-debt"].Should().Equal(0.25, 0);
        Values(mix, "tickets")["unplanned"].Should().Equal(0, 0.5);
        // Points week 1: tech-debt 5 of 10; week 2: unplanned 1 of 1.
        Values(mix, "points")["tech-debt"].Should().Equal(0.5, 0);
        Values(mix, "points")["unplanned"].Should().Equal(0, 1);
        mix.Single(s => s.Labels["type"] == "bug" && s.Labels["measure"] == "tickets").Points.Select(p => p.Observations).Should().Equal(4, 2);
    }

    [Fact]
    public async Task Mix_EmptyWindow_HasNoValue()
    {
        await using var fixture = await CreateAsync();

        // 16–22 November: nothing finished, so no share (not 0).
        var mix = await new WorkMixShare().ComputeAsync(Request(fixture) with { From = Mon.AddDays(14), To = Mon.AddDays(21) }, default);

        mix.Should().OnlyContain(s => s.Points.Count == 1 && s.Points[0].Value == null && s.Points[0].Observations == 0);
    }

    [Fact]
    public async Task TrailingQuarter_Week_CoversThreeMonthsBeforeItsEnd()
    {
        await using var fixture = await CreateAsync();

        var mix = await new TrailingQuarterWorkMix().ComputeAsync(Request(fixture), default);

        // Week 1 ends Mon 9 Nov: 9 Aug – 9 Nov holds T1–T4, tech-debt 1/4. Week 2 ends Mon 16 Nov: all six, 1/6.
        Values(mix, "tickets")["tech-debt"].Should().Equal(0.25, 1.0 / 6);
    }

    [Fact]
    public async Task Items_QuarterGranularity_OneWindowPerQuarter()
    {
        await using var fixture = await CreateAsync();

        var items = await new WorkItems().ComputeAsync(Request(fixture) with { Granularity = Granularity.Quarter }, default);

        // Both weeks lie in 2026-Q4: feature T1 only; unclassified T5 only.
        var feature = items.Single(s => s.Labels["type"] == "feature" && s.Labels["measure"] == "tickets");
        feature.Points.Should().ContainSingle().Which.Window.ToString().Should().Be("2026-Q4");
        feature.Points[0].Value.Should().Be(1);
    }

    [Fact]
    public void Classify_UnmappedTypeAndLabels_IsUnclassified()
    {
        var mapping = new WorkTypeMapping(ValueList.Of(new WorkTypeRule(WorkTypeField.Type, "Bug", WorkType.Unplanned)));

        mapping.Classify("Spike", ["customer"], []).Should().Be(WorkType.Unclassified);
        // The team's entry wins over the default for the same field and value.
        mapping.Classify("bug", [], []).Should().Be(WorkType.Unplanned);
        // A default label still decides before the team's type entry.
        mapping.Classify("Bug", ["Tech-Debt"], []).Should().Be(WorkType.TechDebt);
    }

    [Fact]
    public void TicketReferences_TitleAndBranch_FindStandaloneKeys()
    {
        TicketReferences.In("PAY-12: fix", "alice/PAY-13-retries").Should().Equal("PAY-12", "PAY-13");
        TicketReferences.In("XPAY-1 and pay-2 and PAY-3x", null).Should().Equal("XPAY-1");
    }

    private static Dictionary<string, double?[]> Values(IReadOnlyList<Series.Series> series, string measure) =>
        series.Where(s => s.Labels["measure"] == measure).ToDictionary(s => s.Labels["type"]!, s => s.Points.Select(p => p.Value).ToArray());

    private static SignalRequest Request(SignalFixture fixture)
    {
        var members = ValueList.Of(
            new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("jira", "jira-alice"))),
            new TeamMember("bob", "Bob", ValueList.Of(new IdentityRef("jira", "jira-bob"))));
        var team = fixture.Team with
        {
            Members = members,
            WorkTypes = new WorkTypeMapping(ValueList.Of(new WorkTypeRule(WorkTypeField.Component, "infra", WorkType.Chore))),
        };
        return fixture.TwoWeeks() with { Teams = [team] };
    }

    private static Task<SignalFixture> CreateAsync() => SignalFixture.CreateAsync(
        Ticket("PAY-1", "Story", "jira-alice", Mon.AddDays(1), 3),
        Ticket("PAY-2", "Bug", "jira-bob", Mon.AddDays(2), 2),
        Ticket("PAY-3", "Task", "jira-alice", Mon.AddDays(3), 5, "tech-debt"),
        Ticket("PAY-4", "Task", "jira-alice", Mon.AddDays(3), null) with { Components = ValueList.Of("infra") },
        Ticket("PAY-5", "Task", "jira-bob", Mon.AddDays(8), null),
        Ticket("PAY-6", "Story", "jira-bob", Mon.AddDays(9), 1, "hotfix"),
        Ticket("PAY-7", "Story", "jira-zoe", Mon.AddDays(2), 8),
        Pull(1, "PAY-3 remove the old retry loop", "alice/cleanup", Mon.AddDays(2)),
        Pull(2, "Checkout retries", "alice/PAY-1-checkout", Mon.AddDays(3)),
        Pull(3, "Bump Polly", "dependabot/nuget/polly", Mon.AddDays(9), "dependencies"),
        Pull(4, "Tidy logging", "bob/logging", Mon.AddDays(10)),
        Pull(5, "PAY-2 still open", "bob/open", null));

    private static Ticket Ticket(string key, string type, string assignee, DateTimeOffset resolved, double? points, params string[] labels) =>
        new("jira", key, "PAY", type, key, "Done", StatusCategory.Done, Mon.AddDays(-20), resolved, resolved, points, null, assignee, assignee, null, null, ValueList.From(labels));

    private static PullRequest Pull(int number, string title, string branch, DateTimeOffset? merged, params string[] labels) =>
        new("github", $"acme/api#{number}", "acme/api", number, title, merged is null ? PullRequestState.Open : PullRequestState.Merged, false, "alice",
            Mon.AddDays(-3), merged ?? Mon, merged, merged, "main", branch, 10, 1, 1, ValueList.From(labels), null);
}
