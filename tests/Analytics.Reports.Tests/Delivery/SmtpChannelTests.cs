using Analytics.Domain.Outbox;
using Analytics.Reports.Delivery;
using Analytics.Storage;
using Analytics.Testing.Smtp;
using Analytics.Testing.Time;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>What a real SMTP server receives from the SMTP channel, read back part by part.</summary>
public sealed class SmtpChannelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-smtp-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<IStore> OpenAsync() =>
        Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, "store.db")), _time, default);

    private async Task<DeliveryRun> SendAsync(IStore store, SmtpOptions options, Func<string, string?> environment, EmailMessage email)
    {
        await DeliveryOutbox.EnqueueEmailAsync(store, _time, ["ana@example.org"], email, "weekly/payments/2026-W47", OutboundKind.Weekly, "payments", "2026-W47", default);
        return await new DeliveryWorker(store, [new SmtpChannel(options, environment, _time)], DeliveryPolicy.Default, _time).RunOnceAsync(default);
    }

    [Fact]
    public async Task Send_HtmlTextTwoImagesAndPdf_ArrivesWithEveryPartIntact()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await using var store = await OpenAsync();
        var email = SampleEmail.WithEverything();

        var run = await SendAsync(store, SampleEmail.Smtp(smtp.Port), SampleEmail.Environment(), email);

        run.Sent.Should().ContainSingle();
        var received = smtp.Messages.Should().ContainSingle().Subject;
        received.EnvelopeFrom.Should().Be("analytics@example.org");
        received.EnvelopeTo.Should().Equal("ana@example.org");
        var message = received.Message;
        message.DecodedHeader("Subject").Should().Be("Payments – week 47: 2 risks");
        message.Headers.Should().ContainSingle(h => h.Key.Equals("Message-ID", StringComparison.OrdinalIgnoreCase), "the client must keep ours, not add its own");
        message.Header("Message-ID").Should().Be(SmtpChannel.MessageIdOf("weekly/payments/2026-W47/ana@example.org", "example.org"));
        message.ContentType.MediaType.Should().Be("multipart/mixed");

        var alternative = message.Descendants().Single(p => p.ContentType.MediaType == "multipart/alternative");
        alternative.Parts.Select(p => p.ContentType.MediaType).Should().Equal("text/plain", "multipart/related");
        alternative.Parts[0].Text.Should().Be(email.TextBody);
        var related = alternative.Parts[1];
        related.Parts[0].ContentType.MediaType.Should().Be("text/html");
        var html = related.Parts[0].Text;
        html.Should().Be(email.HtmlBody);
        var images = related.Parts.Skip(1).ToList();
        images.Select(i => i.ContentType.MediaType).Should().Equal("image/png", "image/png");
        images.Select(i => i.ContentId).Should().Equal("lead-time@analytics", "review-load@analytics");
        images.Should().OnlyContain(i => html.Contains($"cid:{i.ContentId}"));
        images[0].Body.Should().Equal(SampleEmail.Png(1));
        images[1].Body.Should().Equal(SampleEmail.Png(2));

        var attachment = message.Parts.Single(p => p.ContentType.MediaType == "application/pdf");
        attachment.FileName.Should().Be("payments-2026-W47.pdf");
        attachment.Header("Content-Disposition").Should().StartWith("attachment");
        attachment.Body.Should().Equal(SampleEmail.Pdf);
    }

    [Fact]
    public async Task Send_ServerDown_ErrorNamesTheServerButNotThePassword()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        smtp.Stop();
        await using var store = await OpenAsync();
        var options = SampleEmail.Smtp(smtp.Port) with { UserName = "analytics", PasswordVariable = "SMTP_PASSWORD" };

        var run = await SendAsync(store, options, SampleEmail.Environment(("SMTP_PASSWORD", "hunter2-very-secret")), SampleEmail.Short("Hello"));

        var error = run.Retrying.Should().ContainSingle().Subject.LastError;
        error.Should().Contain($"127.0.0.1:{smtp.Port}").And.NotContain("hunter2-very-secret");
    }

    [Fact]
    public async Task Send_ServerRefusesTheMailbox_FailsAtOnceWithTheReply()
    {
        await using var smtp = await SmtpTestServer.StartAsync(default);
        await using var store = await OpenAsync();
        await DeliveryOutbox.EnqueueEmailAsync(store, _time, ["refused@example.org"], SampleEmail.Short("Hello"), "weekly/x", OutboundKind.Weekly, null, null, default);

        var run = await new DeliveryWorker(store, [new SmtpChannel(SampleEmail.Smtp(smtp.Port), SampleEmail.Environment(), _time)], DeliveryPolicy.Default, _time).RunOnceAsync(default);

        var failed = run.Failed.Should().ContainSingle().Subject;
        failed.Attempts.Should().Be(1);
        failed.LastError.Should().StartWith($"e-mail to refused@example.org via 127.0.0.1:{smtp.Port}: refused: ").And.Contain("mailbox unavailable");
        smtp.Messages.Should().BeEmpty();
    }

    [Fact]
    public void Create_PasswordVariableUnset_NamesTheVariableOnly()
    {
        var options = SampleEmail.Smtp(25) with { UserName = "analytics", PasswordVariable = "SMTP_PASSWORD" };

        var create = () => new SmtpChannel(options, SampleEmail.Environment(), _time);

        create.Should().Throw<ArgumentException>().WithMessage("*environment variable SMTP_PASSWORD*not set*");
    }

    [Fact]
    public void MessageIdOf_SameKey_SameIdAndOtherKeysDiffer()
    {
        var id = SmtpChannel.MessageIdOf("weekly/payments/2026-W47/ana@example.org", "example.org");

        id.Should().MatchRegex("^<[0-9a-f]{32}\\.analytics@example\\.org>$");
        SmtpChannel.MessageIdOf("weekly/payments/2026-W47/ana@example.org", "example.org").Should().Be(id);
        SmtpChannel.MessageIdOf("weekly/payments/2026-W48/ana@example.org", "example.org").Should().NotBe(id);
    }
}
