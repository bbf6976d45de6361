using Analytics.Testing.Time;

namespace Analytics.Domain.Tests.Support;

public sealed class FakeTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_NewProvider_ReturnsStartInUtc()
    {
        // 14:00 at +02:00 is 12:00 UTC.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)));

        time.GetUtcNow().Should().Be(Start);
        time.GetUtcNow().Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Advance_ByNinetyMinutes_MovesClock()
    {
        var time = new FakeTimeProvider(Start);

        time.Advance(TimeSpan.FromMinutes(90));

        // 12:00 + 1 h 30 min = 13:30.
        time.GetUtcNow().Should().Be(new DateTimeOffset(2024, 3, 1, 13, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        var time = new FakeTimeProvider(Start);

        var act = () => time.Advance(TimeSpan.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
        time.GetUtcNow().Should().Be(Start);
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var time = new FakeTimeProvider(Start);

        var act = () => time.SetUtcNow(Start.AddTicks(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void SetLocalTimeZone_PlusOneHour_ChangesLocalNow()
    {
        var time = new FakeTimeProvider(Start);
        // A custom zone, so the test does not depend on the machine's tzdata.
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+01", TimeSpan.FromHours(1), "Test+01", "Test+01");

        time.SetLocalTimeZone(zone);

        // 12:00 UTC at UTC+1 is 13:00 local, the same instant.
        time.LocalTimeZone.Should().Be(zone);
        time.GetLocalNow().Should().Be(Start);
        time.GetLocalNow().Offset.Should().Be(TimeSpan.FromHours(1));
        time.GetLocalNow().Hour.Should().Be(13);
    }

    [Fact]
    public void LocalTimeZone_NewProvider_IsUtc()
    {
        new FakeTimeProvider(Start).LocalTimeZone.Should().Be(TimeZoneInfo.Utc);
    }

    [Fact]
    public void GetElapsedTime_AfterAdvance_MeasuresFakeTime()
    {
        var time = new FakeTimeProvider(Start);
        var started = time.GetTimestamp();

        time.Advance(TimeSpan.FromSeconds(42));

        time.GetElapsedTime(started).Should().Be(TimeSpan.FromSeconds(42));
    }

    [Fact]
    public async Task TaskDelay_ClockPassesDueTime_Completes()
    {
        var time = new FakeTimeProvider(Start);

        var delay = Task.Delay(TimeSpan.FromSeconds(5), time, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        var afterFourSeconds = delay.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));

        afterFourSeconds.Should().BeFalse("4 s < 5 s");
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        delay.IsCompletedSuccessfully.Should().BeTrue("4 s + 1 s = 5 s reaches the due time");
    }

    [Fact]
    public async Task TaskDelay_Cancelled_ThrowsAndRemovesTimer()
    {
        var time = new FakeTimeProvider(Start);
        using var cancellation = new CancellationTokenSource();

        var delay = Task.Delay(TimeSpan.FromMinutes(1), time, cancellation.Token);
        var scheduledBefore = time.ScheduledTimerCount;
        await cancellation.CancelAsync();

        await delay.Invoking(d => d).Should().ThrowAsync<TaskCanceledException>();
        scheduledBefore.Should().Be(1);
        time.ScheduledTimerCount.Should().Be(0);
    }

    [Fact]
    public void CreateTimer_PeriodicAdvancedTen_FiresAtThreeSixNine()
    {
        var time = new FakeTimeProvider(Start);
        var firedAt = new List<TimeSpan>();

        using var timer = time.CreateTimer(
            _ => firedAt.Add(time.GetUtcNow() - Start), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(10));

        // Due at 3 s, then every 3 s: 3, 6, 9 fall within 10 s; 12 does not.
        firedAt.Should().Equal(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9));
        time.GetUtcNow().Should().Be(Start.AddSeconds(10));
    }

    [Fact]
    public void CreateTimer_TwoTimers_FireInDueOrder()
    {
        var time = new FakeTimeProvider(Start);
        var order = new List<string>();

        using var late = time.CreateTimer(_ => order.Add("late"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => order.Add("early"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(5));

        order.Should().Equal("early", "late");
    }

    [Fact]
    public void Change_Disabled_DoesNotFire()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;

        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromHours(1));

        fired.Should().Be(0);
    }

    [Fact]
    public void Dispose_BeforeDue_DoesNotFire()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;

        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));

        fired.Should().Be(0);
        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan).Should().BeFalse();
    }

    [Fact]
    public async Task PeriodicTimer_AdvancedByPeriod_Ticks()
    {
        var time = new FakeTimeProvider(Start);
        using var periodic = new PeriodicTimer(TimeSpan.FromMinutes(1), time);

        var tick = periodic.WaitForNextTickAsync(CancellationToken.None).AsTask();
        var beforeAdvance = tick.IsCompleted;
        time.Advance(TimeSpan.FromMinutes(1));

        beforeAdvance.Should().BeFalse();
        (await tick.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
    }

    [Fact]
    public void CancellationTokenSource_WithFakeTime_CancelsWhenDue()
    {
        var time = new FakeTimeProvider(Start);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);

        time.Advance(TimeSpan.FromSeconds(29));
        var after29 = cancellation.IsCancellationRequested;
        time.Advance(TimeSpan.FromSeconds(1));

        after29.Should().BeFalse();
        cancellation.IsCancellationRequested.Should().BeTrue();
    }
}
