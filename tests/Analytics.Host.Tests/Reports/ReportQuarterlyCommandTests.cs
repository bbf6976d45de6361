using System.Text;
using System.Text.Json;

namespace Analytics.Host.Tests.Reports;

public sealed class ReportQuarterlyCommandTests : IDisposable
{
    private const string Teams = """
        teams:
          - id: payments
            name: Payments
            timeZone: Europe/Berlin
            repositories: [acme/payments-api]
            members: []
        """;

    private readonly CliHarness _cli = new();

    public ReportQuarterlyCommandTests()
    {
        Directory.CreateDirectory(_cli.PathOf("config"));
        File.WriteAllText(_cli.PathOf("config/teams.yaml"), Teams);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ReportQuarterly_AfterDemo_WritesHtmlAndPdfForTheTeam()
    {
        // The demo (clock: 16 Nov 2026) also writes the last complete quarter's reviews, 2026-Q3, for the organisation.
        var demo = await _cli.RunAsync("demo", "--days", "120", "--no-git");
        demo.ExitCode.Should().Be(0, demo.Error);
        demo.Output.Should().Contain("Quarterly: 5 operational-maturity reviews");
        File.Exists(_cli.PathOf("analytics-demo/report/quarterly-organisation-2026-Q3.pdf")).Should().BeTrue();

        var result = await _cli.RunAsync(
            "report", "quarterly", "--team", "payments", "--period", "2026-Q3", "--out", "out", "--json",
            "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml");

        result.ExitCode.Should().Be(0, result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        json.GetProperty("period").GetString().Should().Be("2026-Q3");
        var review = json.GetProperty("reviews").EnumerateArray().Should().ContainSingle().Subject;
        review.GetProperty("html").GetString().Should().Be(_cli.PathOf("out/quarterly-payments-2026-Q3.html"));
        review.GetProperty("levels").EnumerateObject().Select(p => p.Name).Should().Equal("delivery", "testing", "operations", "knowledge", "review", "sustainability");
        var pdf = await File.ReadAllBytesAsync(_cli.PathOf("out/quarterly-payments-2026-Q3.pdf"));
        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        var html = await File.ReadAllTextAsync(_cli.PathOf("out/quarterly-payments-2026-Q3.html"));
        html.Should().Contain("<h1>Payments</h1>").And.Contain("2026-Q3").And.Contain("<svg");
    }

    [Theory]
    [InlineData("2026-Q5", "--period: '2026-Q5' is not a quarter; write the year and the quarter, such as 2026-Q3")]
    [InlineData("2026-Q4", "--period: 2026-Q4 has not ended yet in Europe/Berlin; the last complete quarter is 2026-Q3")]
    public async Task ReportQuarterly_BadPeriod_ExitTwoWithOneLine(string period, string message)
    {
        var result = await _cli.RunAsync("report", "quarterly", "--period", period, "--store", "store.db");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("error: " + message);
    }

    [Fact]
    public async Task ReportQuarterly_UnknownTeam_ExitTwoWithSuggestion()
    {
        var result = await _cli.RunAsync("report", "quarterly", "--team", "paymnts", "--store", "store.db");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--team: unknown team 'paymnts'; did you mean 'payments'? (teams: payments)");
    }

    [Fact]
    public async Task ReportQuarterly_BadMaturityFile_ExitTwoWithLineAndColumn()
    {
        await File.WriteAllTextAsync(_cli.PathOf("config/maturity.yaml"), """
            capabilities:
              - id: testing
                name: Testing
                checks:
                  - name: CI failures
                    signal: ci.failure_rat
                    compare: "<="
                    thresholds: { managed: 30% }
                    rationale: r
                    source: s
            """);

        var result = await _cli.RunAsync("report", "quarterly", "--store", "store.db");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain($"config{Path.DirectorySeparatorChar}maturity.yaml:6:17: unknown signal 'ci.failure_rat'; did you mean 'ci.failure_rate'?");
    }
}
