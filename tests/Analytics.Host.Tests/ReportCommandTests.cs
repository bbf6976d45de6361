using System.Text.Json;
using Analytics.Reports.Delivery;
using Analytics.Testing.Images;
using Analytics.Testing.Files;

namespace Analytics.Host.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ReportWeekly_DemoStore_WritesPageEmailWithDecodablePngsAndTextPerTeam()
    {
        (await _cli.RunAsync("demo", "--days", "60", "--no-git")).ExitCode.Should().Be(0);

        var result = await _cli.RunAsync("report", "weekly", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--period", "2026-W45", "--out", "out", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var reports = JsonDocument.Parse(result.Output).RootElement.GetProperty("reports").EnumerateArray().ToList();
        reports.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var report in reports)
        {
            var team = report.GetProperty("team").GetString()!;
            report.GetProperty("week").GetString().Should().Be("2026-W45");
            report.GetProperty("recipients").EnumerateArray().Should().NotBeEmpty(team);
            var folder = _cli.PathOf($"out/{team}");
            (await File.ReadAllTextAsync(Path.Combine(folder, "weekly-2026-W45.html"))).Should().Contain("<svg").And.Contain("Week of 2 Nov – 8 Nov 2026");
            var email = await File.ReadAllTextAsync(Path.Combine(folder, "weekly-2026-W45.email.html"));
            email.Should().NotContain("<svg").And.NotContain("<script").And.NotContain("cid:");
            var text = await File.ReadAllTextAsync(Path.Combine(folder, "weekly-2026-W45.email.txt"));
            text.Should().StartWith("Subject: ").And.Contain("AT A GLANCE").And.Contain("Pull requests merged: ");
            var images = Directory.GetFiles(Path.Combine(folder, "weekly-2026-W45.email"), "*.png");
            images.Should().NotBeEmpty();
            foreach (var image in images)
            {
                email.Should().Contain($"weekly-2026-W45.email/{Path.GetFileName(image)}");
                PngImage.Load(image).Width.Should().BeGreaterThan(0);
            }
        }
    }

    [Theory]
    [InlineData("2026-W54", "--period: '2026-W54': 2026 has weeks 1 to 53")]
    [InlineData("2026-11-09", "--period: '2026-11-09' is not an ISO week")]
    // The harness's clock is Monday 16 Nov 2026 09:00 UTC: 2026-W47 has only begun.
    [InlineData("2026-W47", "--period: 2026-W47 has not ended yet in Europe/Berlin (team payments); the last complete week there is 2026-W46")]
    public async Task ReportWeekly_BadPeriod_ExitsWithUsageError(string period, string message)
    {
        await WriteTeamsAsync();

        var result = await _cli.RunAsync("report", "weekly", "--period", period, "--store", "a.db", "--teams", "teams.yaml");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message);
        Directory.Exists(_cli.PathOf("reports")).Should().BeFalse();
    }

    [Fact]
    public async Task ReportWeekly_UnknownTeam_SuggestsTheClosest()
    {
        await WriteTeamsAsync();

        var result = await _cli.RunAsync("report", "weekly", "--team", "paymnts", "--store", "a.db", "--teams", "teams.yaml");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("unknown team 'paymnts'; did you mean 'payments'?");
    }

    [Fact]
    public async Task ReportAlerts_EmptyOutbox_SaysSoAndWritesNothing()
    {
        await WriteTeamsAsync();

        var result = await _cli.RunAsync("report", "alerts", "--store", "a.db", "--teams", "teams.yaml");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("no notifications waiting in the outbox");
    }

    [Fact]
    public async Task ReportAlerts_AfterEvaluate_WritesSafeEmailAndWebhookPerNotification()
    {
        (await _cli.RunAsync("demo", "--days", "120", "--no-git")).ExitCode.Should().Be(0);
        CopyRules();
        (await _cli.RunAsync("evaluate", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml")).ExitCode.Should().BeOneOf(0, 1);

        var result = await _cli.RunAsync("report", "alerts", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--out", "out", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var messages = JsonDocument.Parse(result.Output).RootElement.GetProperty("messages").EnumerateArray().ToList();
        // The demo organisation plants a CI slowdown in the platform team, which the default rules catch.
        messages.Should().NotBeEmpty();
        foreach (var message in messages)
        {
            message.GetProperty("subject").GetString().Should().StartWith("[FIRING · ");
            var files = message.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            var webhook = JsonDocument.Parse(await File.ReadAllTextAsync(files.Single(f => f.EndsWith(".webhook.json", StringComparison.Ordinal)))).RootElement;
            webhook.GetProperty("version").GetString().Should().Be("1");
            webhook.GetProperty("alerts").GetArrayLength().Should().BeGreaterThan(0);
            var html = await File.ReadAllTextAsync(files.Single(f => f.EndsWith(".email.html", StringComparison.Ordinal)));
            // The preview points images at files; put the cid: references back and check the e-mail as sent.
            var pngs = files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)).ToList();
            pngs.Should().NotBeEmpty("firing alerts carry their evidence chart");
            foreach (var png in pngs)
            {
                html = html.Replace($"{Path.GetFileName(Path.GetDirectoryName(png))}/{Path.GetFileName(png)}", $"cid:{Path.GetFileName(png)}", StringComparison.Ordinal);
                PngImage.Load(png).Width.Should().BeGreaterThan(0);
            }

            EmailSafety.Check(html, pngs.Select(Path.GetFileName)!).Should().BeEmpty();
        }
    }

    private void CopyRules()
    {
        Directory.CreateDirectory(_cli.PathOf("rules"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "rules"), "*.yaml").Where(f => !f.EndsWith(".test.yaml", StringComparison.Ordinal)))
        {
            File.Copy(file, _cli.PathOf(Path.Combine("rules", Path.GetFileName(file))));
        }
    }

    private Task WriteTeamsAsync() =>
        File.WriteAllTextAsync(_cli.PathOf("teams.yaml"), "teams:\n  - id: payments\n    name: Payments\n    timeZone: Europe/Berlin\n    members: []\n");
}
