using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Host.Configuration;

namespace Analytics.Host.Tests;

/// <summary>The teams file's working hours, time zones and joining days, and the <c>CiCost</c> settings section.</summary>
public sealed class WorkScheduleConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-schedule-").FullName;

    private string TeamsPath => Path.Combine(_directory, "teams.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WriteThenRead_MemberSchedules_SurviveTheRoundTrip()
    {
        var member = new TeamMember("bob", "Bob", ValueList.Of(new IdentityRef("github", "bob")))
        {
            TimeZone = "America/New_York",
            WorkingHours = WorkingHours.Parse("08:00-16:30 Mon-Thu", out _),
            Joined = new DateOnly(2026, 3, 2),
        };
        var team = new Team("payments", "Payments", "Europe/Berlin", ValueList.Of(member), ValueList<string>.Empty, ValueList<string>.Empty, null)
        {
            WorkingHours = WorkingHours.Parse("09:00-17:30 Mon-Fri", out _)!,
        };
        await File.WriteAllTextAsync(TeamsPath, TeamsFile.Write(new TeamsConfiguration([team], [])));

        var read = TeamsFile.Read(TeamsPath);

        read.Teams.Should().ContainSingle().Which.Should().Be(team);
    }

    [Fact]
    public async Task Read_NoSchedules_UsesTheDefaults()
    {
        await File.WriteAllTextAsync(TeamsPath, "teams:\n  - id: a\n    members:\n      - id: m\n");

        var team = TeamsFile.Read(TeamsPath).Teams.Single();

        team.WorkingHours.Should().Be(WorkingHours.Default);
        team.Members.Single().Should().Match<TeamMember>(m => m.TimeZone == null && m.WorkingHours == null && m.Joined == null);
    }

    [Fact]
    public async Task Read_BadSchedules_NameLineAndColumn()
    {
        await File.WriteAllTextAsync(TeamsPath, """
            teams:
              - id: a
                workingHours: 17:00-09:00 Mon-Fri
                members:
                  - id: m
                    timeZone: Moon/Base
                    workingHours: 9-5
                    joined: 2 March
            """);

        var act = () => TeamsFile.Read(TeamsPath);

        var message = act.Should().Throw<Cli.UserErrorException>().Which.Message;
        message.Should().Contain($"{TeamsPath}:3:19: working hours '17:00-09:00 Mon-Fri' must start before they end");
        message.Should().Contain($"{TeamsPath}:6:19: unknown time zone 'Moon/Base'");
        message.Should().Contain($"{TeamsPath}:7:23: '9-5' is not working hours");
        message.Should().Contain($"{TeamsPath}:8:17: '2 March' is not a date; write it as yyyy-MM-dd");
    }

    [Fact]
    public async Task Settings_CiCostPrices_OverrideAndKeepTheDefaults()
    {
        var file = Path.Combine(_directory, "analytics.json");
        await File.WriteAllTextAsync(file, """{ "CiCost": { "Currency": "EUR", "PricesPerMinute": { "macos-*": 0.07, "gpu-*": 0.05 } } }""");

        var prices = SettingsLoader.Load(file, _directory, new Dictionary<string, string>()).CiCost.ToPrices();

        prices.Currency.Should().Be("EUR");
        prices.PriceOf(["macos-14"]).Should().Be(("macos-*", 0.07m));
        prices.PriceOf(["gpu-large"]).Should().Be(("gpu-*", 0.05m));
        prices.PriceOf(["windows-latest"]).Should().Be(("windows-*", 0.016m));
    }

    [Fact]
    public async Task Settings_NegativePrice_IsAnError()
    {
        var file = Path.Combine(_directory, "analytics.json");
        await File.WriteAllTextAsync(file, """{ "CiCost": { "PricesPerMinute": { "macos-*": -1 } } }""");

        var act = () => SettingsLoader.Load(file, _directory, new Dictionary<string, string>());

        act.Should().Throw<Cli.UserErrorException>().Which.Message.Should().Contain("CiCost:PricesPerMinute: price 'macos-*' = -1");
    }
}
