using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Host.Configuration;

namespace Analytics.Host.Tests;

public sealed class TeamsFileWorkTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"teams-work-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Read_WorkTypesAndPostmortems_BuildTheTeamsPolicies()
    {
        await File.WriteAllTextAsync(_path, """
            teams:
              - id: payments
                workTypes:
                  types: { Task: chore, Spike: feature }
                  labels: { ops: unplanned }
                  components: { infra: tech-debt }
                postmortems:
                  minSeverity: P1
                  businessDays: 3
                  actionLabels: [pm-action]
            """);

        var team = TeamsFile.Read(_path).Teams.Single();

        team.WorkTypes.Classify("Task", [], []).Should().Be(WorkType.Chore);
        team.WorkTypes.Classify("Story", ["ops"], []).Should().Be(WorkType.Unplanned);
        team.WorkTypes.Classify("Story", [], ["infra"]).Should().Be(WorkType.TechDebt);
        team.Postmortems.Should().Be(PostmortemPolicy.Default with { MinimumSeverity = "P1", BusinessDays = 3, ActionLabels = ValueList.Of("pm-action") });
    }

    [Fact]
    public async Task Read_UnknownWorkTypeAndBadPolicy_NameLineAndColumn()
    {
        await File.WriteAllTextAsync(_path, "teams:\n  - id: a\n    workTypes:\n      types: { Task: chores }\n    postmortems:\n      minSeverity: urgent\n      businesDays: 2\n");

        var act = () => TeamsFile.Read(_path);

        var message = act.Should().Throw<Cli.UserErrorException>().Which.Message;
        message.Should().Contain($"{_path}:4:22: unknown work type 'chores'; did you mean 'chore'?");
        message.Should().Contain($"{_path}:6:20: severity 'urgent' has no rank");
        message.Should().Contain($"{_path}:7:7: unknown key 'businesDays' in postmortems; did you mean 'businessDays'?");
    }

    [Fact]
    public async Task WriteThenRead_WorkSettings_RoundTrip()
    {
        var team = new Team("payments", "Payments", "UTC", ValueList.Of(new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("jira", "acct-1")))), ValueList<string>.Empty, ValueList<string>.Empty, null)
        {
            WorkTypes = new WorkTypeMapping(ValueList.Of(new WorkTypeRule(WorkTypeField.Label, "ops", WorkType.Unplanned), new WorkTypeRule(WorkTypeField.Type, "Task", WorkType.Chore))),
            Postmortems = PostmortemPolicy.Default with { BusinessDays = 2 },
        };
        await File.WriteAllTextAsync(_path, TeamsFile.Write(new TeamsConfiguration([team], [])));

        TeamsFile.Read(_path).Teams.Single().Should().Be(team);
    }
}
