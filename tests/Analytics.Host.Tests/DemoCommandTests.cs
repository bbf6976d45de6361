using System.Diagnostics;
using System.Text.Json;
using Analytics.Testing.Browser;
using Analytics.Testing.Images;

namespace Analytics.Host.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Demo_FreshDirectory_StoresDataAndWritesReportsWithCharts()
    {
        var result = await _cli.RunAsync("demo", "--days", "120", "--no-git");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain($"Report:  {_cli.PathOf("analytics-demo/report/index.html")}");
        File.Exists(_cli.PathOf("analytics-demo/teams.yaml")).Should().BeTrue();
        var index = await File.ReadAllTextAsync(_cli.PathOf("analytics-demo/report/index.html"));
        var pages = Directory.GetFiles(_cli.PathOf("analytics-demo/report"), "weekly-*.html");
        pages.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var page in pages)
        {
            index.Should().Contain(Path.GetFileName(page));
            var html = await File.ReadAllTextAsync(page);
            html.Should().Contain("<svg").And.Contain("Pull requests merged per week").And.Contain("Week of 9 Nov – 15 Nov 2026");
        }

        var status = await _cli.RunAsync("status", "--json", "--store", "analytics-demo/analytics.db");
        var records = JsonDocument.Parse(status.Output).RootElement.GetProperty("records");
        foreach (var entity in new[] { "pull-requests", "reviews", "workflow-runs", "test-results", "deployments", "tickets", "incidents" })
        {
            records.GetProperty(entity).GetInt64().Should().BeGreaterThan(0, entity);
        }
    }

    [Fact]
    public async Task Demo_RunTwiceOnTheSameDay_LeavesTheStoreUnchanged()
    {
        (await _cli.RunAsync("demo", "--days", "60", "--no-git")).ExitCode.Should().Be(0);
        var before = await ExportAllAsync();
        _cli.Time.Advance(TimeSpan.FromHours(5));

        (await _cli.RunAsync("demo", "--days", "60", "--no-git")).ExitCode.Should().Be(0);

        // The simulation ends at the start of the current UTC day: five hours later it is the same day, so the same records.
        var after = await ExportAllAsync();
        after.Should().Be(before);
    }

    [Fact]
    public async Task Demo_InsideAGitClone_AddsItsHistory()
    {
        Git("init", "-q", "-b", "main");
        await File.WriteAllTextAsync(_cli.PathOf("README.md"), "hello\n");
        Git("add", "README.md");
        Git("-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "First commit");

        var result = await _cli.RunAsync("demo", "--days", "60");
        var commits = await _cli.RunAsync("export", "commits", "--json", "--store", "analytics-demo/analytics.db");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Added the local git history");
        commits.Output.Should().Contain("\"title\":\"First commit\"").And.Contain("\"source\":\"git\"");
    }

    [Fact]
    public async Task Demo_ReportOpenedInABrowser_ShowsItsCharts()
    {
        (await _cli.RunAsync("demo", "--days", "120", "--no-git")).ExitCode.Should().Be(0);
        var page = Directory.GetFiles(_cli.PathOf("analytics-demo/report"), "weekly-*.html").Order().First();
        var png = _cli.PathOf("report.png");
        var browser = new HeadlessChromium();

        await browser.ScreenshotAsync(page, png, 800, 1600, CancellationToken.None);
        var dom = await browser.DumpDomAsync(page, CancellationToken.None);

        var image = PngImage.Load(png);
        image.Width.Should().Be(800);
        // Charts draw in the Okabe–Ito palette on white: a blank or broken page has a handful of colours at most.
        image.CountDistinctColors().Should().BeGreaterThan(50);
        image.CountPixels(p => p.B > 150 && p.R < 60).Should().BeGreaterThan(2_000, "the blue bars of the merged-PR chart must be drawn");
        dom.Should().Contain("<svg").And.Contain("Pull requests merged per week");
    }

    private async Task<string> ExportAllAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var entity in new[] { "pull-requests", "reviews", "workflow-runs", "test-results", "tickets", "ticket-transitions", "incidents", "deployments" })
        {
            var result = await _cli.RunAsync("export", entity, "--json", "--store", "analytics-demo/analytics.db");
            text.Append(result.Output);
        }

        return text.ToString();
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _cli.WorkingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
    }
}
