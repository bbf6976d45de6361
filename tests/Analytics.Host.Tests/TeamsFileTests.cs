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
}
