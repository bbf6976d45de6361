using Analytics.Collectors.Simulation;

namespace Analytics.Collectors.Tests.Simulation;

/// <summary>What the simulator plants for the CI-cost, off-hours and onboarding signals (<see cref="WorkloadFacts"/>).</summary>
public sealed class WorkloadPlantingTests(SimulatedOrganisationFixture fixture) : IClassFixture<SimulatedOrganisationFixture>
{
    private readonly SimulatedOrganisation _org = fixture.Organisation;

    [Fact]
    public void Generate_MacRepository_RunsEveryJobOnMacOsAndNoOtherDoes()
    {
        var mac = _org.Workload.MacRepository;

        _org.CiJobs.Where(j => j.Repository == mac).Should().NotBeEmpty().And.OnlyContain(j => j.RunnerLabels.Single() == "macos-14");
        _org.CiJobs.Where(j => j.Repository != mac).Should().OnlyContain(j => j.RunnerLabels.Single() == "ubuntu-latest");
    }

    [Fact]
    public void Generate_Joiners_AreMembersWithAJoiningDayAndActivityOnlyAfterIt()
    {
        var joiners = _org.Workload.Joiners;

        joiners.Select(j => j.Team).Should().Equal("platform", "payments");
        foreach (var (team, id, joined) in joiners)
        {
            var member = _org.Teams.Single(t => t.Id == team).Members.Should().ContainSingle(m => m.Id == id).Subject;
            member.Joined.Should().Be(joined);
            var login = member.Accounts.Single(a => a.Source == "github").Account;
            var prs = _org.PullRequests.Where(p => p.Author == login).ToList();
            prs.Should().NotBeEmpty().And.OnlyContain(p => DateOnly.FromDateTime(p.CreatedAt.UtcDateTime) > joined && p.MergedAt != null);
            _org.Reviews.Should().ContainSingle(r => r.Reviewer == login);
            _org.Identities.Should().Contain(i => i.Source == "github" && i.SourceId == login);
        }

        // The fast joiner's first merge is 2 days after joining (or the next working day), the slow one's 16.
        var first = joiners.Select(j => _org.PullRequests
            .Where(p => p.Author == _org.Teams.SelectMany(t => t.Members).Single(m => m.Id == j.Member).Accounts.Single(a => a.Source == "github").Account)
            .Min(p => p.MergedAt!.Value)).ToList();
        (DateOnly.FromDateTime(first[0].UtcDateTime).DayNumber - joiners[0].Joined.DayNumber).Should().BeInRange(2, 4);
        (DateOnly.FromDateTime(first[1].UtcDateTime).DayNumber - joiners[1].Joined.DayNumber).Should().BeInRange(16, 18);
    }

    [Fact]
    public void Generate_ShortHistory_LeavesOutJoinersBeforeItsStart()
    {
        var org = OrganisationSimulator.Generate(new SimulationOptions { End = SimulatedOrganisationFixture.End, Days = 60 });

        org.Workload.Joiners.Should().BeEmpty();
        org.Teams.SelectMany(t => t.Members).Should().OnlyContain(m => m.Joined == null);
    }
}
