using Analytics.Domain.Outbox;
using Analytics.Reports.Delivery;
using Analytics.Storage;
using Analytics.Testing.Smtp;
using Analytics.Testing.Time;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>The outbox and worker on a real store (each subclass: SQLite or PostgreSQL) against a real SMTP server.</summary>
public abstract class OutboxTests
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    /// <summary>Opens a connection to the test's store; each call is another node.</summary>
    protected abstract Task<IStore> OpenNodeAsync();

    private DeliveryWorker Worker(IStore store, SmtpTestServer smtp, DeliveryPolicy? policy = null, int seed = 1) =>
        new(store, [new SmtpChannel(SampleEmail.Smtp(smtp.Port), SampleEmail.Environment(), Time)], policy ?? DeliveryPolicy.Default, Time, new Random(seed));

    private Task<IReadOnlyList<OutboundMessage>> EnqueueAsync(IStore store, string key, params string[] recipients) =>
        DeliveryOutbox.EnqueueEmailAsync(store, Time, recipients, SampleEmail.Short("Payments – week 47"), key, OutboundKind.Weekly, "payments", "2026-W47", default);

    [Fact]
    public async Task EnqueueEmail_SameKeyTwice_SendsOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await using var store = await OpenNodeAsync();

        var first = await EnqueueAsync(store, "weekly/payments/2026-W47", "ana@example.org", "Bo@Example.org");
        var again = await EnqueueAsync(store, "weekly/payments/2026-W47", "bo@example.org", "ana@example.org");
        var run = await Worker(store, smtp).RunOnceAsync(default);
        var rerun = await Worker(store, smtp).RunOnceAsync(default);

        first.Should().HaveCount(2);
        again.Should().BeEmpty("the same report, period and recipients are already queued (addresses compare ignoring case)");
        run.Sent.Should().HaveCount(2);
        rerun.Attempted.Should().BeEmpty();
        smtp.Messages.SelectMany(m => m.EnvelopeTo).Should().BeEquivalentTo("ana@example.org", "Bo@Example.org");
    }

    [Fact]
    public async Task RunOnce_SmtpServerDownDuringSend_DeliversExactlyOnceAfterItComesBack()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await using var store = await OpenNodeAsync();
        await EnqueueAsync(store, "weekly/payments/2026-W47", "ana@example.org");
        smtp.Stop();

        var down = await Worker(store, smtp).RunOnceAsync(default);
        var waiting = (await DeliveryOutbox.ListAsync(store, null, default)).Single();

        down.Retrying.Should().ContainSingle();
        waiting.Status.Should().Be(OutboundStatus.Pending);
        waiting.Attempts.Should().Be(1);
        waiting.LastError.Should().Contain("ana@example.org").And.Contain($"127.0.0.1:{smtp.Port}");
        // First backoff: 1 minute jittered to between 30 and 60 seconds.
        waiting.NextAttemptAt.Should().BeOnOrAfter(Time.GetUtcNow().AddSeconds(30)).And.BeOnOrBefore(Time.GetUtcNow().AddMinutes(1));

        await smtp.RestartAsync(default);
        var tooEarly = await Worker(store, smtp).RunOnceAsync(default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var back = await Worker(store, smtp).RunOnceAsync(default);
        var after = await Worker(store, smtp).RunOnceAsync(default);

        tooEarly.Attempted.Should().BeEmpty("the next attempt is not due yet");
        back.Sent.Should().ContainSingle();
        after.Attempted.Should().BeEmpty();
        smtp.Messages.Should().ContainSingle();
        var sent = (await DeliveryOutbox.ListAsync(store, null, default)).Single();
        sent.Status.Should().Be(OutboundStatus.Sent);
        sent.Attempts.Should().Be(2);
        sent.SentAt.Should().Be(Time.GetUtcNow());
    }

    [Fact]
    public async Task RunOnce_OutOfAttempts_MarksFailedWithTheReason()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await using var store = await OpenNodeAsync();
        await EnqueueAsync(store, "weekly/payments/2026-W47", "ana@example.org");
        smtp.Stop();
        var policy = DeliveryPolicy.Default with { MaxAttempts = 3 };

        var runs = new List<DeliveryRun>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await Worker(store, smtp, policy).RunOnceAsync(default));
            Time.Advance(policy.MaxBackoff);
        }

        runs.Select(r => r.Attempted.Count).Should().Equal(1, 1, 1, 0);
        runs[2].Failed.Should().ContainSingle();
        var failed = (await DeliveryOutbox.ListAsync(store, OutboundStatus.Failed, default)).Single();
        failed.LastError.Should().StartWith("gave up after 3 attempts: e-mail to ana@example.org");
        failed.NextAttemptAt.Should().BeNull();
    }

    [Fact]
    public async Task RunOnce_WorkerDiesMidSend_AnotherSendsOnceAfterTheLease()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await using var store = await OpenNodeAsync();
        await EnqueueAsync(store, "weekly/payments/2026-W47", "ana@example.org");
        using var dying = new CancellationTokenSource();

        var die = () => new DeliveryWorker(store, [new DyingChannel(dying)], DeliveryPolicy.Default, Time).RunOnceAsync(dying.Token);
        await die.Should().ThrowAsync<OperationCanceledException>();
        var beforeLease = await Worker(store, smtp).RunOnceAsync(default);
        Time.Advance(DeliveryPolicy.Default.Lease);
        var afterLease = await Worker(store, smtp).RunOnceAsync(default);

        beforeLease.Attempted.Should().BeEmpty("the dead worker's claim holds until its lease runs out");
        afterLease.Sent.Should().ContainSingle().Which.Attempts.Should().Be(2);
        smtp.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task RunOnce_TwoWorkersAtOnce_SendEachMessageOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await using var setup = await OpenNodeAsync();
        var recipients = Enumerable.Range(1, 12).Select(i => $"person{i}@example.org").ToArray();
        await EnqueueAsync(setup, "weekly/payments/2026-W47", recipients);
        await using var nodeA = await OpenNodeAsync();
        await using var nodeB = await OpenNodeAsync();
        var policy = DeliveryPolicy.Default with { BatchSize = 2 };

        var runs = await Task.WhenAll(
            Task.Run(() => Worker(nodeA, smtp, policy, seed: 1).RunOnceAsync(default)),
            Task.Run(() => Worker(nodeB, smtp, policy, seed: 2).RunOnceAsync(default)));

        runs.Sum(r => r.Sent.Count()).Should().Be(12);
        smtp.Messages.SelectMany(m => m.EnvelopeTo).Should().BeEquivalentTo(recipients, "each message is claimed by one node only");
        (await DeliveryOutbox.ListAsync(setup, OutboundStatus.Sent, default)).Should().HaveCount(12).And.OnlyContain(m => m.Attempts == 1);
    }
}
