using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Host.Configuration;

namespace Analytics.Host.Tests;

public sealed class TeamsFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task WriteThenRead_GivesTheSameTeams()
    {
        var team = new Team("payments", "Payments \"core\"", "Europe/Berlin",
            ValueList.Of(new TeamMember("alice", "Alice Doe", ValueList.Of(new IdentityRef("github", "alice"), new IdentityRef("git", "alice@example.com"), new IdentityRef("git", "a@home.example")))),
            ValueList.Of("acme/payments-api"), ValueList.Of("payments"), "payments@example.com");
        var configuration = new TeamsConfiguration([team], ["renovate[bot]"]);
        await File.WriteAllTextAsync(_path, TeamsFile.Write(configuration));

        var read = TeamsFile.Read(_path);

        read.Teams.Should().ContainSingle().Which.Should().Be(team);
        read.Bots.Should().Equal("renovate[bot]");
    }

    [Fact]
    public async Task WriteThenRead_TeamWithoutMembers_GivesTheSameTeams()
    {
        // The empty team comes first so that the next team's entry follows its members key, as in a real file.
        var empty = new Team("platform", "Platform", "Europe/Berlin", ValueList<TeamMember>.Empty, ValueList.Of("acme/infra"), ValueList<string>.Empty, null);
        var staffed = new Team("pay", "Pay", "UTC", ValueList.Of(new TeamMember("ann", "Ann", ValueList.Of(new IdentityRef("github", "ann")))), ValueList<string>.Empty, ValueList<string>.Empty, null);
        await File.WriteAllTextAsync(_path, TeamsFile.Write(new TeamsConfiguration([empty, staffed], [])));

        var read = TeamsFile.Read(_path);

        read.Teams.Should().Equal(empty, staffed);
    }

    [Fact]
    public async Task Read_YamlSyntaxError_NamesLineAndColumn()
    {
        await File.WriteAllTextAsync(_path, "teams:\n  - id: a\n   name: [unclosed\n");

        var act = () => TeamsFile.Read(_path);

        act.Should().Throw<Cli.UserErrorException>().Which.Message.Should().StartWith($"{_path}:3:");
    }

    [Fact]
    public async Task Read_MemberWithoutId_IsAnError()
    {
        await File.WriteAllTextAsync(_path, "teams:\n  - id: a\n    members:\n      - name: Nobody\n");

        var act = () => TeamsFile.Read(_path);

        act.Should().Throw<Cli.UserErrorException>().Which.Message.Should().Be($"{_path}:4:9: a member needs 'id'");
    }
    [Fact]
    public async Task Read_Goals_AreParsedPerTeam()
    {
        await File.WriteAllTextAsync(_path, "teams:\n  - id: pay\n    goals: { pr.cycle_time: \"< 2d\", ci.run_duration.p90: \"<= 15m\" }\n    members: []\n  - id: web\n");

        var read = TeamsFile.Read(_path);

        read.Goals["pay"].Should().Equal(
            new Analytics.Reports.Weekly.TeamGoal("pr.cycle_time", Analytics.Reports.Weekly.GoalComparison.Below, 172_800, "< 2d"),
            new Analytics.Reports.Weekly.TeamGoal("ci.run_duration.p90", Analytics.Reports.Weekly.GoalComparison.AtMost, 900, "<= 15m"));
        read.Goals.Should().NotContainKey("web");
    }

    [Fact]
    public async Task Read_BadGoals_NameLineAndColumnOfEach()
    {
        await File.WriteAllTextAsync(_path, "teams:\n  - id: pay\n    goals:\n      pr.cycletime: \"< 2d\"\n      pr.merged: \"lots\"\n");

        var act = () => TeamsFile.Read(_path);

        var message = act.Should().Throw<Cli.UserErrorException>().Which.Message;
        message.Should().Contain($"{_path}:4:7: unknown measure 'pr.cycletime'").And.Contain("did you mean 'pr.cycle_time'?");
        message.Should().Contain($"{_path}:5:18: goal 'lots' for pr.merged must start with <, <=, > or >=");
    }

    [Fact]
    public async Task WriteThenRead_Goals_RoundTrip()
    {
        var team = new Team("pay", "Pay", "UTC", ValueList.Of(new TeamMember("ann", "Ann", ValueList.Of(new IdentityRef("github", "ann")))), ValueList<string>.Empty, ValueList<string>.Empty, null);
        Analytics.Reports.Weekly.TeamGoal.TryParse("review.merged_without_review", "<= 5%", out var goal, out _);
        await File.WriteAllTextAsync(_path, TeamsFile.Write(new TeamsConfiguration([team], []) { Goals = new Dictionary<string, IReadOnlyList<Analytics.Reports.Weekly.TeamGoal>> { ["pay"] = [goal!] } }));

        TeamsFile.Read(_path).Goals["pay"].Should().Equal(goal!);
    }
}
