using Analytics.Domain.Common;
using Analytics.Domain.Outbox;
using Analytics.Reports.Delivery;
using Analytics.Storage;
using Analytics.Testing.Smtp;

namespace Analytics.Host.Tests.Delivery;

public sealed class DeliverCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _cli.Dispose();
    }

    private async Task WriteSettingsAsync(string json)
    {
        Directory.CreateDirectory(_cli.PathOf("config"));
        await File.WriteAllTextAsync(_cli.PathOf("config/analytics.json"), json);
    }

    private async Task EnqueueAsync(Func<IStore, Task> enqueue)
    {
        Directory.CreateDirectory(_cli.PathOf("data"));
        await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, _cli.PathOf("data/analytics.db")), _cli.Time, default);
        await enqueue(store);
    }

    private static EmailMessage Email(string subject) =>
        new(subject, "<p>hi</p>", "hi", ValueList<InlineImage>.Empty, ValueList<EmailAttachment>.Empty);

    [Fact]
    public async Task Deliver_TwoEmails_SendsThemOnceAcrossRuns()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await WriteSettingsAsync($$"""{ "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "StartTls": false, "From": "analytics@example.org" } }""");
        await EnqueueAsync(store => DeliveryOutbox.EnqueueEmailAsync(
            store, _cli.Time, ["ana@example.org", "bo@example.org"], Email("Payments – week 47"), "weekly/payments/2026-W47", OutboundKind.Weekly, "payments", "2026-W47", default));

        var first = await _cli.RunAsync("deliver");
        var second = await _cli.RunAsync("deliver");

        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("ana@example.org").And.Contain("sent 2, retrying 0, failed 0; pending in the outbox: 0");
        second.Output.Should().Contain("sent 0, retrying 0, failed 0");
        smtp.Messages.Should().HaveCount(2);
    }

    [Fact]
    public async Task Deliver_MessageForAnUnknownWebhook_FailsAndExitsOne()
    {
        await WriteSettingsAsync("""{ "Webhooks": { "ops": { "Url": "http://127.0.0.1:9/hook" } } }""");
        await EnqueueAsync(store => DeliveryOutbox.EnqueueWebhookAsync(
            store, _cli.Time, "chat", """{"text":"hi"}""", "hi", "alert/x", OutboundKind.Alert, null, null, default));

        var result = await _cli.RunAsync("deliver", "--json");

        result.ExitCode.Should().Be(1, result.Error);
        result.Output.Should().Contain("\"failed\": 1").And.Contain("\"target\": \"chat\"").And.Contain("no such webhook in the Webhooks settings");
    }

    [Fact]
    public async Task Deliver_EmailsWithoutSmtp_LeavesThemPendingWithAWarning()
    {
        await EnqueueAsync(store => DeliveryOutbox.EnqueueEmailAsync(
            store, _cli.Time, ["ana@example.org"], Email("x"), "weekly/x", OutboundKind.Weekly, null, null, default));

        var result = await _cli.RunAsync("deliver");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("pending in the outbox: 1");
        result.Error.Should().Contain("1 email message(s) wait for a channel: configure Smtp:Host and Smtp:From");
    }

    [Fact]
    public async Task Deliver_TypoInAWebhookKey_ExitsTwoWithSuggestion()
    {
        await WriteSettingsAsync("""{ "Webhooks": { "ops": { "Urll": "http://127.0.0.1:9/hook" } } }""");

        var result = await _cli.RunAsync("deliver");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("unknown key 'Webhooks:ops:Urll'; did you mean 'Url'?");
    }

    [Fact]
    public async Task Deliver_SecretVariableUnset_ExitsTwoNamingTheVariable()
    {
        await WriteSettingsAsync("""{ "Webhooks": { "ops": { "Url": "http://127.0.0.1:9/hook", "SecretVariable": "OPS_SECRET" } } }""");

        var result = await _cli.RunAsync("deliver");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("webhook 'ops': the environment variable OPS_SECRET (named by SecretVariable) is not set");
    }
}
