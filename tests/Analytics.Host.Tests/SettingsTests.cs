using Analytics.Testing.Files;

namespace Analytics.Host.Tests;

public sealed class SettingsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ConfigCheck_UnknownKey_ExitsTwoWithSuggestion()
    {
        Directory.CreateDirectory(_cli.PathOf("config"));
        await File.WriteAllTextAsync(_cli.PathOf("config/analytics.json"), """{ "Store": { "Locaton": "x.db" } }""");

        var result = await _cli.RunAsync("config", "check");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("unknown key 'Store:Locaton'; did you mean 'Location'?");
    }

    [Fact]
    public async Task ConfigCheck_EnvironmentVariable_OverridesTheFile()
    {
        Directory.CreateDirectory(_cli.PathOf("config"));
        await File.WriteAllTextAsync(_cli.PathOf("config/analytics.json"), """{ "Store": { "Location": "from-file.db" } }""");
        _cli.Variables["ANALYTICS__STORE__LOCATION"] = "from-env.db";

        var result = await _cli.RunAsync("config", "check");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain($"sqlite:{_cli.PathOf("from-env.db")}");
    }

    [Fact]
    public async Task Status_UnreachablePostgres_ExitsTwoWithoutThePassword()
    {
        var result = await _cli.RunAsync("status", "--store", "postgresql://analytics:s3cret-pw@127.0.0.1:1/analytics");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("cannot connect to PostgreSQL");
        (result.Error + result.Output).Should().NotContain("s3cret-pw");
    }

    [Fact]
    public async Task ConfigCheck_BrokenTeamsFile_NamesLineAndColumn()
    {
        Directory.CreateDirectory(_cli.PathOf("config"));
        await File.WriteAllTextAsync(_cli.PathOf("config/teams.yaml"), """
            teams:
              - id: payments
                timeZone: Mars/Olympus
                membres: []
            """);

        var result = await _cli.RunAsync("config", "check");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("config/teams.yaml:3:15: unknown time zone 'Mars/Olympus'");
        result.Error.Should().Contain("config/teams.yaml:4:5: unknown key 'membres' in a team; did you mean 'members'?");
    }

    [Fact]
    public async Task ConfigCheck_ExamplesInTheRepository_AreValid()
    {
        var root = RepositoryFiles.Root;
        Directory.CreateDirectory(_cli.PathOf("config"));
        File.Copy(Path.Combine(root, "config", "analytics.json"), _cli.PathOf("config/analytics.json"));
        File.Copy(Path.Combine(root, "config", "teams.yaml"), _cli.PathOf("config/teams.yaml"));

        var result = await _cli.RunAsync("config", "check");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("teams: 2 in config/teams.yaml");
    }
}
