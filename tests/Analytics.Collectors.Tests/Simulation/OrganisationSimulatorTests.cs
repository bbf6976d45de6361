using Analytics.Collectors.Simulation;
using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.Tests.Simulation;

public sealed class OrganisationSimulatorTests(SimulatedOrganisationFixture fixture) : IClassFixture<SimulatedOrganisationFixture>
{
    private readonly SimulatedOrganisation _org = fixture.Organisation;

    [Fact]
    public void Generate_SameOptions_EqualOrganisations()
    {
        var again = OrganisationSimulator.Generate(new SimulationOptions { End = SimulatedOrganisationFixture.End });

        again.Should().Be(_org);
        again.TestResults.Should().Equal(_org.TestResults);
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentOrganisation()
    {
        var other = OrganisationSimulator.Generate(new SimulationOptions { End = SimulatedOrganisationFixture.End, Seed = 7 });

        other.Should().NotBe(_org);
        other.PullRequests.Should().NotEqual(_org.PullRequests);
    }

    [Theory]
    [InlineData(59, 1.0)]
    [InlineData(365, 0.0)]
    [InlineData(365, 21.0)]
    public void Generate_OptionOutOfRange_Throws(int days, double scale)
    {
        var act = () => OrganisationSimulator.Generate(new SimulationOptions { End = SimulatedOrganisationFixture.End, Days = days, Scale = scale });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Generate_DefaultScale_HasBelievableVolumes()
    {
        _org.Teams.Should().HaveCount(4);
        _org.Teams.Should().OnlyContain(t => t.Members.Count >= 4 && t.Members.Count <= 8);
        _org.Repositories.Should().HaveCount(7).And.OnlyContain(r => r.FullName.StartsWith("acme/", StringComparison.Ordinal));
        _org.PullRequests.Count.Should().BeInRange(2_000, 6_000);
        _org.TestResults.Count.Should().BeInRange(100_000, 250_000);
        _org.PullRequests.Should().Contain(p => p.State == PullRequestState.Open && p.IsDraft);
        _org.PullRequests.Should().Contain(p => p.State == PullRequestState.Closed);
        _org.Commits.Should().OnlyContain(c => c.Source == "git");
        _org.FileChanges.Should().Contain(f => f.Kind == FileChangeKind.Renamed && f.OldPath != null);
        _org.Tickets.Select(t => t.Type).Distinct().Should().BeEquivalentTo("Story", "Task", "Bug");
        _org.Incidents.Select(i => i.Severity).Distinct().Should().BeEquivalentTo("SEV1", "SEV2", "SEV3");
    }

    [Fact]
    public void Generate_HalfScale_RoughlyHalvesActivity()
    {
        var half = OrganisationSimulator.Generate(new SimulationOptions { End = SimulatedOrganisationFixture.End, Scale = 0.5 });

        half.PullRequests.Count.Should().BeInRange(_org.PullRequests.Count * 4 / 10, _org.PullRequests.Count * 6 / 10);
        half.Tickets.Count.Should().BeInRange(_org.Tickets.Count * 4 / 10, _org.Tickets.Count * 6 / 10);
        half.Teams.Should().Equal(_org.Teams);
    }

    [Theory]
    [InlineData(60, 3.0)]
    [InlineData(730, 0.2)]
    public void Generate_OtherLengthsAndScales_StayWithinTheHistory(int days, double scale)
    {
        var end = new DateTimeOffset(2027, 1, 3, 23, 59, 0, TimeSpan.FromHours(2));

        var org = OrganisationSimulator.Generate(new SimulationOptions { End = end, Days = days, Scale = scale, Seed = days });

        org.PullRequests.Should().NotBeEmpty();
        org.WorkflowRuns.Max(r => r.FinishedAt).Should().BeOnOrBefore(end);
        org.PullRequests.Min(p => p.CreatedAt).Should().BeOnOrAfter(end.AddDays(-days));
        org.Incidents.Max(i => i.CreatedAt).Should().BeOnOrBefore(end);
    }

    [Fact]
    public void Generate_MembersAccounts_NameEverySource()
    {
        var identities = _org.Identities.Select(i => new IdentityRef(i.Source, i.SourceId)).ToHashSet();

        foreach (var member in _org.Teams.SelectMany(t => t.Members))
        {
            member.Accounts.Select(a => a.Source).Should().BeEquivalentTo("github", "git", "jira", "pagerduty");
            member.Accounts.Should().OnlyContain(a => identities.Contains(a));
        }
    }

    [Fact]
    public void Generate_Identities_ResolveNoReplyCommittersToTheirMember()
    {
        var directory = IdentityResolver.Resolve(_org.Identities, _org.Teams.SelectMany(t => t.Members), []);
        var noReply = _org.Commits.First(c => c.AuthorEmail.EndsWith("@users.noreply.github.com", StringComparison.Ordinal)
            && !c.AuthorEmail.Contains("[bot]", StringComparison.Ordinal));

        var person = directory.Find("git", noReply.AuthorEmail);

        person.Should().NotBeNull();
        _org.Teams.SelectMany(t => t.Members).Select(m => m.Id).Should().Contain(person!.Id);
    }

    [Fact]
    public void Generate_Bots_OpenDependencyPullRequests()
    {
        _org.Facts.Bots.Should().BeEquivalentTo("dependabot[bot]", "renovate[bot]");
        foreach (var bot in _org.Facts.Bots)
        {
            _org.PullRequests.Should().Contain(p => p.Author == bot && p.Labels.Contains("dependencies"));
            _org.Identities.Should().Contain(i => i.Source == "github" && i.SourceId == bot && i.IsBot);
        }
    }

    [Fact]
    public void Generate_Records_ReferToExistingParents()
    {
        var pullRequests = _org.PullRequests.Select(p => p.SourceId).ToHashSet();
        var attempts = _org.WorkflowRuns.Select(r => (r.Repository, r.RunId, r.Attempt)).ToHashSet();
        var jobs = _org.CiJobs.Select(j => (j.Repository, j.JobId)).ToHashSet();
        var tests = _org.TestCases.Select(t => (t.Repository, t.TestId)).ToHashSet();
        var tickets = _org.Tickets.Select(t => t.Key).ToHashSet();
        var deployments = _org.Deployments.Select(d => d.SourceId).ToHashSet();
        var commits = _org.Commits.Select(c => (c.Repository, c.Sha)).ToHashSet();
        var repositories = _org.Repositories.Select(r => r.FullName).ToHashSet();

        AllRefer(_org.Reviews, r => pullRequests.Contains(r.PullRequestId));
        AllRefer(_org.ReviewComments, c => pullRequests.Contains(c.PullRequestId));
        AllRefer(_org.PullRequestCommits, c => pullRequests.Contains(c.PullRequestId));
        AllRefer(_org.PullRequests, p => repositories.Contains(p.Repository));
        AllRefer(_org.CiJobs, j => attempts.Contains((j.Repository, j.RunId, j.Attempt)));
        AllRefer(_org.CiSteps, s => jobs.Contains((s.Repository, s.JobId)));
        AllRefer(_org.TestResults, r => tests.Contains((r.Repository, r.TestId)) && attempts.Contains((r.Repository, r.RunId, r.Attempt)));
        AllRefer(_org.TicketTransitions, t => tickets.Contains(t.TicketKey));
        AllRefer(_org.Incidents.Where(i => i.DeploymentId != null), i => deployments.Contains(i.DeploymentId!));
        AllRefer(_org.FileChanges, f => commits.Contains((f.Repository, f.Sha)));
        AllRefer(_org.PullRequests.Where(p => p.State == PullRequestState.Merged), p => commits.Contains((p.Repository, p.MergeCommitSha!)));
    }

    [Fact]
    public void Generate_Keys_AreUnique()
    {
        _org.PullRequests.Select(p => p.SourceId).Should().OnlyHaveUniqueItems();
        _org.Reviews.Select(r => r.SourceId).Should().OnlyHaveUniqueItems();
        _org.ReviewComments.Select(c => c.SourceId).Should().OnlyHaveUniqueItems();
        _org.WorkflowRuns.Select(r => (r.RunId, r.Attempt)).Should().OnlyHaveUniqueItems();
        _org.CiJobs.Select(j => j.JobId).Should().OnlyHaveUniqueItems();
        _org.FileChanges.Select(f => (f.Sha, f.Path)).Should().OnlyHaveUniqueItems();
        _org.TestResults.Select(r => (r.RunId, r.Attempt, r.Job, r.TestId, r.Execution)).Should().OnlyHaveUniqueItems();
        _org.Tickets.Select(t => t.Key).Should().OnlyHaveUniqueItems();
        _org.Incidents.Select(i => i.SourceId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Generate_EveryInstant_LiesWithinTheHistory()
    {
        var start = _org.Options.Start;
        var end = _org.Options.End;
        var instants = _org.PullRequests.SelectMany(p => new[] { p.CreatedAt, p.UpdatedAt, p.MergedAt, p.ClosedAt })
            .Concat(_org.Reviews.Select(r => (DateTimeOffset?)r.SubmittedAt))
            .Concat(_org.ReviewComments.Select(c => (DateTimeOffset?)c.CreatedAt))
            .Concat(_org.PullRequestCommits.Select(c => (DateTimeOffset?)c.AuthoredAt))
            .Concat(_org.Commits.SelectMany(c => new DateTimeOffset?[] { c.AuthoredAt, c.CommittedAt }))
            .Concat(_org.WorkflowRuns.SelectMany(r => new[] { r.QueuedAt, r.StartedAt, r.FinishedAt }))
            .Concat(_org.CiJobs.SelectMany(j => new[] { j.QueuedAt, j.StartedAt, j.FinishedAt }))
            .Concat(_org.CiSteps.SelectMany(s => new[] { s.StartedAt, s.FinishedAt }))
            .Concat(_org.TestResults.Select(r => (DateTimeOffset?)r.StartedAt))
            .Concat(_org.Deployments.SelectMany(d => new[] { d.CreatedAt, d.FinishedAt }))
            .Concat(_org.Tickets.SelectMany(t => new[] { t.CreatedAt, t.UpdatedAt, t.ResolvedAt }))
            .Concat(_org.TicketTransitions.Select(t => (DateTimeOffset?)t.At))
            .Concat(_org.Incidents.SelectMany(i => new[] { i.CreatedAt, i.AcknowledgedAt, i.ResolvedAt }))
            .OfType<DateTimeOffset>()
            .ToList();

        instants.Should().NotBeEmpty();
        instants.Min().Should().BeOnOrAfter(start);
        instants.Max().Should().BeOnOrBefore(end);
        _org.Repositories.Should().OnlyContain(r => r.CreatedAt < start);
    }

    [Fact]
    public void Generate_PullRequestsOfPeople_OpenInTheirTeamsWorkingHours()
    {
        var teamOf = _org.Teams.SelectMany(t => t.Repositories.Select(r => (Repository: r, Team: t))).ToDictionary(x => x.Repository, x => x.Team);
        var human = _org.PullRequests.Where(p => !p.Author.EndsWith("[bot]", StringComparison.Ordinal)).ToList();

        // Local time as the off-hours signals read it: the team's IANA zone, daylight saving included (the fixture's year
        // runs from July to June, so summer time in London, Berlin and New York is inside it).
        var local = human.Select(p => TimeZoneInfo.ConvertTime(p.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById(teamOf[p.Repository].TimeZone)).DateTime).ToList();

        local.Should().OnlyContain(t => t.Hour >= 9 && t.Hour < 19);
        local.Count(t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Should().BeLessThan(human.Count / 50);
    }

    [Fact]
    public void Generate_FlakyTests_PassAndFailOnTheSameCommit()
    {
        // Only planted flaky tests may show both outcomes on one commit: other failures are the same on every attempt.
        var mixed = _org.TestResults
            .Where(r => r.Outcome != TestOutcome.Skipped)
            .GroupBy(r => (r.Repository, r.TestId, r.CommitSha))
            .Where(g => g.Any(r => r.Outcome == TestOutcome.Passed) && g.Any(r => r.Outcome is TestOutcome.Failed or TestOutcome.Error))
            .Select(g => new PlantedTest(g.Key.Repository, g.Key.TestId))
            .Distinct()
            .ToList();

        mixed.Should().BeEquivalentTo(_org.Facts.FlakyTests);
        _org.TestResults.Should().Contain(r => r.Execution == 1).And.Contain(r => r.Attempt == 2);
    }

    [Fact]
    public void Generate_FlakyTests_FailAtAboutTheirRate()
    {
        for (var i = 0; i < _org.Facts.FlakyTests.Count; i++)
        {
            var test = _org.Facts.FlakyTests[i];
            var results = _org.TestResults.Where(r => r.Repository == test.Repository && r.TestId == test.TestId).ToList();
            var failureRate = results.Count(r => r.Outcome != TestOutcome.Passed) / (double)results.Count;

            failureRate.Should().BeInRange(0.03, 0.18);
            _org.Facts.FlakyFailureRates[i].Should().BeInRange(0.05, 0.15);
        }
    }

    [Fact]
    public void Generate_BrokenTest_FailsOnlyWhileBroken()
    {
        var facts = _org.Facts;
        var results = _org.TestResults.Where(r => r.Repository == facts.BrokenTest.Repository && r.TestId == facts.BrokenTest.TestId).ToList();
        var queued = _org.WorkflowRuns.Where(r => r.Attempt == 1).ToDictionary(r => (r.Repository, r.RunId), r => r.QueuedAt);
        bool InPeriod(TestResult r) => queued.TryGetValue((r.Repository, r.RunId), out var at) && at >= facts.BrokenFrom && at < facts.BrokenUntil.AddMinutes(1);

        (facts.BrokenUntil - facts.BrokenFrom).Should().Be(TimeSpan.FromDays(10));
        results.Where(r => r.StartedAt >= facts.BrokenFrom.AddMinutes(1) && r.StartedAt < facts.BrokenUntil).Should().NotBeEmpty()
            .And.OnlyContain(r => r.Outcome == TestOutcome.Failed);
        results.Where(r => r.Outcome == TestOutcome.Failed && !InPeriod(r)).Should().HaveCountLessThan(3, "outside the period it only fails with a rare genuine mistake");
        results.Should().Contain(r => r.Outcome == TestOutcome.Passed && r.StartedAt > facts.BrokenUntil.AddHours(1));
    }

    [Fact]
    public void Generate_SlowedWorkflow_MedianRisesAtTheChangePoint()
    {
        var facts = _org.Facts;
        var runs = _org.WorkflowRuns.Where(r => r.Repository == facts.SlowedRepository && r.Workflow == facts.SlowedWorkflow && r.Conclusion == RunConclusion.Success).ToList();

        var before = Median(runs.Where(r => r.QueuedAt < facts.SlowdownAt).Select(r => r.Duration!.Value.TotalSeconds));
        var after = Median(runs.Where(r => r.QueuedAt >= facts.SlowdownAt).Select(r => r.Duration!.Value.TotalSeconds));

        after.Should().BeGreaterThanOrEqualTo(before * 1.3);

        // Other repositories do not change.
        foreach (var repository in _org.Repositories.Select(r => r.FullName).Where(r => r != facts.SlowedRepository))
        {
            var others = _org.WorkflowRuns.Where(r => r.Repository == repository && r.Workflow == "ci" && r.Conclusion == RunConclusion.Success).ToList();
            var otherBefore = Median(others.Where(r => r.QueuedAt < facts.SlowdownAt).Select(r => r.Duration!.Value.TotalSeconds));
            var otherAfter = Median(others.Where(r => r.QueuedAt >= facts.SlowdownAt).Select(r => r.Duration!.Value.TotalSeconds));
            otherAfter.Should().BeInRange(otherBefore * 0.85, otherBefore * 1.15, repository);
        }
    }

    [Fact]
    public void Generate_SiloFolder_HasExactlyOneAuthor()
    {
        var facts = _org.Facts;
        var prefix = facts.SiloFolder + "/";
        var shas = _org.FileChanges
            .Where(f => f.Repository == facts.SiloRepository && (f.Path.StartsWith(prefix, StringComparison.Ordinal) || (f.OldPath?.StartsWith(prefix, StringComparison.Ordinal) ?? false)))
            .Select(f => f.Sha)
            .ToHashSet();

        var authors = _org.Commits.Where(c => c.Repository == facts.SiloRepository && shas.Contains(c.Sha)).Select(c => c.AuthorEmail).Distinct().ToList();

        shas.Count.Should().BeGreaterThan(10);
        authors.Should().Equal(facts.SiloAuthorEmail);
        _org.Commits.Where(c => c.Repository == facts.SiloRepository).Select(c => c.AuthorEmail).Distinct().Should().HaveCountGreaterThan(3);
    }

    [Fact]
    public void Generate_OverloadedReviewer_DoesAboutFortyPercentOfTeamReviews()
    {
        var facts = _org.Facts;
        var team = _org.Teams.Single(t => t.Id == facts.OverloadedReviewerTeam);
        var teamPullRequests = _org.PullRequests.Where(p => team.Repositories.Contains(p.Repository)).Select(p => p.SourceId).ToHashSet();
        var reviews = _org.Reviews.Where(r => teamPullRequests.Contains(r.PullRequestId)).ToList();

        var share = reviews.Count(r => r.Reviewer == facts.OverloadedReviewer) / (double)reviews.Count;

        share.Should().BeInRange(0.30, 0.50);
        team.Members.Should().Contain(m => m.Accounts.Contains(new IdentityRef("github", facts.OverloadedReviewer)));
    }

    [Fact]
    public void Generate_Leaver_HasNoActivityAfterLeaving()
    {
        var facts = _org.Facts;
        var leaver = _org.Identities.Where(i => i.PersonHint == facts.LeaverPersonHint).ToList();
        var accounts = leaver.Select(i => i.SourceId).ToHashSet(StringComparer.OrdinalIgnoreCase);

        leaver.Select(i => i.Source).Should().Contain(["github", "git", "jira", "pagerduty"]);
        _org.Teams.SelectMany(t => t.Members).Should().NotContain(m => m.Accounts.Contains(new IdentityRef("github", facts.LeaverLogin)));
        _org.PullRequests.Where(p => p.Author == facts.LeaverLogin).Should().NotBeEmpty().And.OnlyContain(p => p.CreatedAt < facts.LeftAt);
        _org.Reviews.Where(r => r.Reviewer == facts.LeaverLogin).Should().OnlyContain(r => r.SubmittedAt < facts.LeftAt);
        _org.Commits.Where(c => accounts.Contains(c.AuthorEmail)).Should().OnlyContain(c => c.AuthoredAt < facts.LeftAt);
        _org.TicketTransitions.Where(t => t.Author != null && accounts.Contains(t.Author)).Should().OnlyContain(t => t.At < facts.LeftAt);
        _org.Incidents.Where(i => i.Responders.Any(accounts.Contains)).Should().OnlyContain(i => i.CreatedAt < facts.LeftAt);
    }

    [Fact]
    public void Generate_Incidents_AboutAThirdCausedByDeploymentsAndOneTeamRising()
    {
        var linked = _org.Incidents.Count(i => i.DeploymentId != null) / (double)_org.Incidents.Count;
        var facts = _org.Facts;
        var services = _org.Teams.Single(t => t.Id == facts.IncidentRiseTeam).Services.ToHashSet();
        var quarter = facts.IncidentRiseFrom - _org.Options.Start;
        var mine = _org.Incidents.Where(i => services.Contains(i.Service)).ToList();

        var recentRate = mine.Count(i => i.CreatedAt >= facts.IncidentRiseFrom) / (_org.Options.End - facts.IncidentRiseFrom).TotalDays;
        var earlierRate = mine.Count(i => i.CreatedAt < facts.IncidentRiseFrom) / quarter.TotalDays;

        linked.Should().BeInRange(0.2, 0.45);
        recentRate.Should().BeGreaterThan(earlierRate * 2);
        _org.Incidents.Where(i => i.Status == IncidentStatus.Resolved).Should().OnlyContain(i => i.AcknowledgedAt <= i.ResolvedAt);
    }

    [Fact]
    public void Generate_Deployments_RoughlyDailyPerServiceWithSomeFailures()
    {
        var production = _org.Deployments.Where(d => d.Environment == "production").ToList();
        var perService = production.GroupBy(d => d.Service).ToDictionary(g => g.Key!, g => g.Count());

        perService.Should().HaveCount(7);
        perService.Where(kv => kv.Key != "mobile-app").Should().OnlyContain(kv => kv.Value >= 150);
        production.Count(d => d.Status == Analytics.Domain.Delivery.DeploymentStatus.Failure).Should().BeGreaterThan(0);
        _org.Deployments.Should().Contain(d => d.Environment == "staging");
    }

    [Fact]
    public void Generate_Tickets_HaveOrderedHistoriesEndingInTheirStatus()
    {
        var transitions = _org.TicketTransitions.GroupBy(t => t.TicketKey).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var ticket in _org.Tickets)
        {
            var history = transitions[ticket.Key];
            history[0].FromStatus.Should().BeNull();
            history.Select(t => t.At).Should().BeInAscendingOrder();
            history[^1].ToStatus.Should().Be(ticket.Status);
            for (var i = 1; i < history.Count; i++)
            {
                history[i].FromStatus.Should().Be(history[i - 1].ToStatus);
            }
        }

        _org.TicketTransitions.Should().Contain(t => t.FromStatus == "In Review" && t.ToStatus == "In Progress");
    }

    private static void AllRefer<T>(IEnumerable<T> records, Func<T, bool> refersToParent) =>
        records.Where(r => !refersToParent(r)).Should().BeEmpty();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        sorted.Should().NotBeEmpty();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
