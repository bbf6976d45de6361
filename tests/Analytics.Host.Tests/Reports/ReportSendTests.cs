using System.Text.Json;
using Analytics.Testing.Smtp;

namespace Analytics.Host.Tests.Reports;

/// <summary><c>report … --send</c>: reports go through the delivery outbox to a real SMTP server, once per period and recipient.</summary>
public sealed class ReportSendTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _cli.Dispose();
    }

    [Fact]
    public async Task ReportWeeklySend_TwiceForTheSameWeek_EachTeamReceivesItOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        (await _cli.RunAsync("demo", "--days", "60", "--no-git")).ExitCode.Should().Be(0);
        Directory.CreateDirectory(_cli.PathOf("config"));
        await File.WriteAllTextAsync(_cli.PathOf("config/analytics.json"),
            $$"""{ "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "StartTls": false, "From": "analytics@example.org" } }""");
        string[] arguments = ["report", "weekly", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--period", "2026-W45", "--out", "out", "--send", "--json"];

        var first = await _cli.RunAsync(arguments);
        var second = await _cli.RunAsync(arguments);

        first.ExitCode.Should().Be(0, first.Error);
        second.ExitCode.Should().Be(0, second.Error);
        var reports = JsonDocument.Parse(first.Output).RootElement.GetProperty("reports").EnumerateArray().ToList();
        var recipients = reports.SelectMany(r => r.GetProperty("recipients").EnumerateArray().Select(e => e.GetString()!)).ToList();
        recipients.Should().NotBeEmpty();
        var delivery = JsonDocument.Parse(first.Output).RootElement.GetProperty("delivery");
        delivery.GetProperty("queued").GetInt32().Should().Be(recipients.Count);
        delivery.GetProperty("sent").GetInt32().Should().Be(recipients.Count);
        var again = JsonDocument.Parse(second.Output).RootElement.GetProperty("delivery");
        again.GetProperty("queued").GetInt32().Should().Be(0);
        again.GetProperty("alreadyQueued").GetInt32().Should().Be(recipients.Count);
        again.GetProperty("sent").GetInt32().Should().Be(0);
        // One message per recipient across both runs, each with its inline charts.
        smtp.Messages.Should().HaveCount(recipients.Count);
    }

    [Fact]
    public async Task ReportWeeklySend_SmtpDown_KeepsTheMessagesForDeliver()
    {
        (await _cli.RunAsync("demo", "--days", "60", "--no-git")).ExitCode.Should().Be(0);
        Directory.CreateDirectory(_cli.PathOf("config"));
        // Port 9 (discard) on loopback: nothing listens, so every attempt fails and is kept for a retry.
        await File.WriteAllTextAsync(_cli.PathOf("config/analytics.json"),
            """{ "Smtp": { "Host": "127.0.0.1", "Port": 9, "StartTls": false, "From": "analytics@example.org" } }""");

        var result = await _cli.RunAsync("report", "weekly", "--store", "analytics-demo/analytics.db", "--teams", "analytics-demo/teams.yaml", "--period", "2026-W45", "--team", "payments", "--out", "out", "--send");
        var outbox = await _cli.RunAsync("deliver", "--store", "analytics-demo/analytics.db", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("0 sent, 1 to retry, 0 failed");
        JsonDocument.Parse(outbox.Output).RootElement.GetProperty("pending").GetInt32().Should().Be(1);
    }
}
