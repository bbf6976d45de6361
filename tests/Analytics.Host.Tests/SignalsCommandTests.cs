using System.Text.Json;

namespace Analytics.Host.Tests;

public sealed class SignalsCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Signals_AfterDemo_PrintsEverySignalPerTeamAsJson()
    {
        (await _cli.RunAsync("demo", "--days", "90", "--no-git")).ExitCode.Should().Be(0);

        var result = await _cli.RunAsync("signals", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var series = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        series.Select(s => s.GetProperty("signal").GetString()).Distinct().Should().Contain(["pr.merged", "pr.cycle_time", "ci.run_duration"]);
        var merged = series.Where(s => s.GetProperty("signal").GetString() == "pr.merged").ToList();
        merged.Select(s => s.GetProperty("labels").GetProperty("team").GetString()).Should().OnlyHaveUniqueItems().And.HaveCountGreaterThanOrEqualTo(3);
        // 12 weeks back from the day after "today" (Monday 16 Nov 2026) touch 13 ISO weeks.
        merged[0].GetProperty("points").GetArrayLength().Should().Be(13);

        // The first run filled the signal cache; the second is served from it and prints the same, as does --no-cache.
        var cached = await _cli.RunAsync("signals", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--json");
        var direct = await _cli.RunAsync("signals", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--json", "--no-cache");
        cached.ExitCode.Should().Be(0, cached.Error);
        direct.ExitCode.Should().Be(0, direct.Error);
        cached.Output.Should().Be(result.Output);
        direct.Output.Should().Be(result.Output);
    }

    [Fact]
    public async Task Signals_UnknownSignalOrNoTeams_ExitTwoSayingWhatToDo()
    {
        var typo = await _cli.RunAsync("signals", "pr.merge");
        var noTeams = await _cli.RunAsync("signals", "pr.merged");

        typo.ExitCode.Should().Be(2);
        typo.Error.Should().Contain("unknown signal 'pr.merge'; did you mean 'pr.merged'?");
        noTeams.ExitCode.Should().Be(2);
        noTeams.Error.Should().Contain("no teams");
    }
}
