using System.Text.Json;
using Analytics.Testing.Files;

namespace Analytics.Host.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private const string AlwaysFires = """
        groups:
          - name: always
            rules:
              - alert: AnyMerges
                expr: pr.merged >= 0
                severity: critical
                annotations:
                  summary: "{{ $labels.team }} merged {{ $value }}"
                routing:
                  webhooks: [https://hooks.example.com/x]
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void CopyDefaultPack()
    {
        Directory.CreateDirectory(_cli.PathOf("rules"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "rules"), "*.yaml"))
        {
            File.Copy(file, _cli.PathOf(Path.Combine("rules", Path.GetFileName(file))));
        }
    }

    [Fact]
    public async Task RulesCheck_DefaultPack_ExitsZero()
    {
        CopyDefaultPack();

        var result = await _cli.RunAsync("rules", "check");

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Should().Contain("0 error(s)");
    }

    [Fact]
    public async Task RulesCheck_BrokenFile_ReportsFileLineColumnAndExitsTwo()
    {
        Directory.CreateDirectory(_cli.PathOf("mine"));
        await File.WriteAllTextAsync(_cli.PathOf("mine/ci.yaml"), "groups:\n  - name: ci\n    rules:\n      - alert: Slow\n        expr: ci.run_durration > 1\n        severity: warning\n");
        await File.WriteAllTextAsync(_cli.PathOf("mine/ok.yaml"), AlwaysFires);

        var result = await _cli.RunAsync("rules", "check", "mine");

        result.ExitCode.Should().Be(2);
        result.Output.Should().Contain("mine/ci.yaml:5:15: unknown signal 'ci.run_durration'; did you mean 'ci.run_duration'?");
        result.Output.Should().Contain("2 file(s), 2 group(s), 1 rule(s) loaded; 1 error(s)");
    }

    [Fact]
    public async Task RulesTest_DefaultPack_Passes()
    {
        CopyDefaultPack();

        var result = await _cli.RunAsync("rules", "test");

        result.ExitCode.Should().Be(0, result.Output);
        result.Output.Should().Contain("PASS rules/review.test.yaml").And.Contain("PASS rules/ci.test.yaml").And.Contain(" passed, 0 failed");
    }

    [Fact]
    public async Task RulesTest_FailingExpectation_ExitsOneAndSaysWhy()
    {
        CopyDefaultPack();
        var path = _cli.PathOf("rules/ci.test.yaml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("up 32.8%", "up 99%", StringComparison.Ordinal));

        var result = await _cli.RunAsync("rules", "test", "rules/ci.test.yaml");

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("FAIL rules/ci.test.yaml").And.Contain("expected \"build in acme/api: p90 duration up 99%");
    }

    [Fact]
    public async Task Evaluate_AfterDemo_FiresOnceAndHonoursFailOn()
    {
        (await _cli.RunAsync("demo", "--days", "60", "--no-git")).ExitCode.Should().Be(0);
        Directory.CreateDirectory(_cli.PathOf("mine"));
        await File.WriteAllTextAsync(_cli.PathOf("mine/always.yaml"), AlwaysFires);
        string[] common = ["--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--rules", "mine"];

        var first = await _cli.RunAsync(["evaluate", .. common, "--json", "--fail-on", "critical"]);
        var second = await _cli.RunAsync(["evaluate", .. common, "--json"]);

        first.ExitCode.Should().Be(1, first.Error);
        var alerts = JsonDocument.Parse(first.Output).RootElement;
        alerts.GetProperty("alerts").EnumerateArray().Should().HaveCountGreaterThanOrEqualTo(3).And
            .OnlyContain(a => a.GetProperty("status").GetString() == "firing" && a.GetProperty("severity").GetString() == "critical");
        alerts.GetProperty("notificationsQueued").GetInt32().Should().Be(alerts.GetProperty("alerts").GetArrayLength(), "one webhook, and notifications are grouped per team (group_by defaults to team): one per team");
        second.ExitCode.Should().Be(0, "without --fail-on findings do not fail");
        JsonDocument.Parse(second.Output).RootElement.GetProperty("notificationsQueued").GetInt32().Should().Be(0, "the same alerts are not announced again within the repeat interval");
    }

    [Fact]
    public async Task Evaluate_BrokenRuleFile_EvaluatesTheOthersAndExitsTwo()
    {
        (await _cli.RunAsync("demo", "--days", "60", "--no-git")).ExitCode.Should().Be(0);
        Directory.CreateDirectory(_cli.PathOf("mine"));
        await File.WriteAllTextAsync(_cli.PathOf("mine/always.yaml"), AlwaysFires);
        await File.WriteAllTextAsync(_cli.PathOf("mine/broken.yaml"), "groups:\n  - name: [\n");

        var result = await _cli.RunAsync("evaluate", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--rules", "mine");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("mine/broken.yaml:3:1: invalid YAML");
        result.Output.Should().Contain("AnyMerges").And.Contain("firing");
    }
}
