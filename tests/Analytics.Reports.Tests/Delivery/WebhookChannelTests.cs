using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Outbox;
using Analytics.Reports.Delivery;
using Analytics.Storage;
using Analytics.Testing.Http;
using Analytics.Testing.Time;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>Webhooks posted through the outbox to a loopback receiver.</summary>
public sealed class WebhookChannelTests : IDisposable
{
    private const string Body = """{"alert":"LeadTimeRising","team":"payments","value":4.2}""";
    private const string Secret = "whsec-0123456789-very-secret";

    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-webhook-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<IStore> OpenWithWebhookAsync(string webhook = "ops")
    {
        var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, "store.db")), _time, default);
        await DeliveryOutbox.EnqueueWebhookAsync(store, _time, webhook, Body, "LeadTimeRising for payments", "alert/lead-time/payments/2026-11-23", OutboundKind.Alert, "payments", null, default);
        return store;
    }

    private Task<DeliveryRun> RunAsync(IStore store, WebhookReceiver receiver, string? secretVariable = null, DeliveryPolicy? policy = null) =>
        RunAsync(store, receiver.Url, secretVariable, policy);

    private async Task<DeliveryRun> RunAsync(IStore store, Uri url, string? secretVariable = null, DeliveryPolicy? policy = null)
    {
        using var channel = new WebhookChannel(
            [new WebhookEndpoint("ops", url, secretVariable, TimeSpan.FromSeconds(30))],
            SampleEmail.Environment(("OPS_WEBHOOK_SECRET", Secret)),
            _time);
        return await new DeliveryWorker(store, [channel], policy ?? DeliveryPolicy.Default, _time, new Random(7)).RunOnceAsync(default);
    }

    [Fact]
    public async Task Send_After500_RetriesWithTheSameKeyAndThenSends()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Responses.Enqueue((500, """{"error":"busy"}""", null));
        await using var store = await OpenWithWebhookAsync();

        var first = await RunAsync(store, receiver);
        _time.Advance(DeliveryPolicy.Default.MaxBackoff);
        var second = await RunAsync(store, receiver);

        first.Retrying.Single().LastError.Should().Be("""webhook 'ops': HTTP 500 Internal Server Error: {"error":"busy"}""");
        second.Sent.Single().Attempts.Should().Be(2);
        var requests = receiver.Requests.ToList();
        requests.Should().HaveCount(2);
        requests.Should().OnlyContain(r => r.Method == "POST" && r.ContentType == "application/json; charset=utf-8");
        requests.Should().OnlyContain(r => Encoding.UTF8.GetString(r.Body) == Body);
        requests.Select(r => r.Headers[WebhookChannel.IdempotencyKeyHeader]).Distinct().Should().Equal("alert/lead-time/payments/2026-11-23/webhook:ops");
    }

    [Fact]
    public async Task Send_After400_GivesUpWithTheReason()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Responses.Enqueue((400, """{"error":"unknown field 'value'"}""", null));
        await using var store = await OpenWithWebhookAsync();

        var first = await RunAsync(store, receiver);
        _time.Advance(DeliveryPolicy.Default.MaxBackoff);
        var second = await RunAsync(store, receiver);

        var failed = first.Failed.Should().ContainSingle().Subject;
        failed.LastError.Should().Be("""webhook 'ops': HTTP 400 Bad Request: {"error":"unknown field 'value'"}""");
        failed.FailedAt.Should().Be(_time.GetUtcNow() - DeliveryPolicy.Default.MaxBackoff);
        second.Attempted.Should().BeEmpty();
        receiver.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    public async Task Send_TooManyRequestsOrTimeout_RetriesNoSoonerThanRetryAfter(int status)
    {
        await using var receiver = new WebhookReceiver();
        receiver.Responses.Enqueue((status, "slow down", "7200"));
        await using var store = await OpenWithWebhookAsync();

        var run = await RunAsync(store, receiver);

        // The backoff would be 30 to 60 seconds; the receiver asked for two hours.
        run.Retrying.Single().NextAttemptAt.Should().Be(_time.GetUtcNow().AddHours(2));
    }

    [Fact]
    public async Task Send_WithSecret_SignatureIsTheBodysHmac()
    {
        await using var receiver = new WebhookReceiver();
        await using var store = await OpenWithWebhookAsync();

        await RunAsync(store, receiver, secretVariable: "OPS_WEBHOOK_SECRET");

        var request = receiver.Requests.Should().ContainSingle().Subject;
        // Computed independently of WebhookChannel.Sign: HMAC-SHA256 of the received bytes under the secret.
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(request.Body));
        request.Headers[WebhookChannel.SignatureHeader].Should().Be(expected);
    }

    [Fact]
    public async Task Send_WithoutSecret_HasNoSignature()
    {
        await using var receiver = new WebhookReceiver();
        await using var store = await OpenWithWebhookAsync();

        await RunAsync(store, receiver);

        receiver.Requests.Should().ContainSingle().Which.Headers.Should().NotContainKey(WebhookChannel.SignatureHeader);
    }

    [Fact]
    public async Task Send_ReceiverEchoesSecrets_ErrorHoldsNeitherTheSecretNorTheUrlsToken()
    {
        await using var receiver = new WebhookReceiver("services/T0KEN-IN-PATH/");
        receiver.Responses.Enqueue((503, $"bad signature for {Secret} at /services/T0KEN-IN-PATH/", null));
        await using var store = await OpenWithWebhookAsync();

        var run = await RunAsync(store, receiver, secretVariable: "OPS_WEBHOOK_SECRET");

        var error = run.Retrying.Single().LastError;
        error.Should().StartWith("webhook 'ops': HTTP 503").And.NotContain(Secret).And.NotContain("T0KEN-IN-PATH");
    }

    [Fact]
    public async Task Send_ReceiverGone_RetriesWithoutTheUrl()
    {
        // A receiver closed before the send would free its port for another test's server: a port that refuses instead.
        using var gone = new RefusingPort();
        await using var store = await OpenWithWebhookAsync();

        var run = await RunAsync(store, gone.Url("services/T0KEN-IN-PATH/"));

        var error = run.Retrying.Single().LastError;
        error.Should().StartWith("webhook 'ops': ").And.NotContain("T0KEN-IN-PATH");
    }

    [Fact]
    public async Task Send_UnknownWebhook_FailsNamingIt()
    {
        await using var receiver = new WebhookReceiver();
        await using var store = await OpenWithWebhookAsync(webhook: "nobody");

        var run = await RunAsync(store, receiver);

        run.Failed.Single().LastError.Should().Be("webhook 'nobody': no such webhook in the Webhooks settings");
    }

    [Fact]
    public async Task EnqueueWebhook_NotJson_Throws()
    {
        await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, "store.db")), _time, default);

        var enqueue = () => DeliveryOutbox.EnqueueWebhookAsync(store, _time, "ops", "{not json", "x", "k", OutboundKind.Alert, null, null, default);

        await enqueue.Should().ThrowAsync<ArgumentException>().WithMessage("the webhook body is not JSON*");
    }
}
