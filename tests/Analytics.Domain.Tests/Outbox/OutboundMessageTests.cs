using Analytics.Domain.Outbox;

namespace Analytics.Domain.Tests.Outbox;

public sealed class OutboundMessageTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private static OutboundMessage Pending() => new(
        "weekly/payments/2026-W47/ana@example.org", OutboundChannel.Email, "ana@example.org", OutboundKind.Weekly, "payments",
        "2026-W47", "Payments – week 47", "{}", At, 0, At, null, null, null);

    [Fact]
    public void Status_FromTheInstants_PendingSentOrFailed()
    {
        Pending().Status.Should().Be(OutboundStatus.Pending);
        (Pending() with { SentAt = At, NextAttemptAt = null }).Status.Should().Be(OutboundStatus.Sent);
        (Pending() with { FailedAt = At, NextAttemptAt = null, LastError = "refused" }).Status.Should().Be(OutboundStatus.Failed);
    }

    [Fact]
    public void Create_NegativeAttemptsOrBlankKey_Throws()
    {
        var negative = () => Pending() with { Attempts = -1 };
        var blank = () => Pending() with { IdempotencyKey = " " };

        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Attempts");
        blank.Should().Throw<ArgumentException>().WithParameterName("IdempotencyKey");
    }

    [Fact]
    public void Create_OffsetInstants_KeptInUtc()
    {
        var message = Pending() with { NextAttemptAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(2)) };

        message.NextAttemptAt!.Value.Offset.Should().Be(TimeSpan.Zero);
        message.NextAttemptAt.Should().Be(At);
    }
}
