using Analytics.Domain.Alerts;
using Analytics.Rules.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Rules.Tests.Language;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;
using static Analytics.Rules.Tests.Alerts.LifecycleHarness;

namespace Analytics.Rules.Tests.Alerts;

/// <summary>Alert state in a real store, and several evaluators ("nodes", each with its own store connection) at once.</summary>
public abstract class AlertBookTests
{
    private static readonly InMemorySeriesSource Pay = new([SeriesBuilder.Weekly("a", "team=pay", 5, 12, 13, 14, 5, 5)]);

    protected FakeTimeProvider Time { get; } = new(Week(2));

    /// <summary>Opens another connection to the same store, as another node would.</summary>
    protected abstract Task<IStore> OpenNodeAsync();

    private static async Task<LifecycleResult> EvaluateAsync(IStore node, RuleGroup group, DateTimeOffset at)
    {
        var outcomes = await RuleEvaluator.EvaluateAsync([group], Pay, at, default);
        return await AlertBook.ApplyAsync(node, outcomes, at, default);
    }

    private static async Task<List<T>> ReadAsync<T>(IStore store, EntityMap<T> map)
        where T : class
    {
        var records = new List<T>();
        await foreach (var record in store.ReadAsync(map, null, default))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task Apply_AcrossEvaluations_KeepsStateInTheStore()
    {
        var group = RuleFixture.AboveTen("2d");
        await using var store = await OpenNodeAsync();

        await EvaluateAsync(store, group, Week(2));
        (await ReadAsync(store, Entities.AlertStates)).Single().Status.Should().Be(AlertStatus.Pending);

        await EvaluateAsync(store, group, Week(2, 2));
        var firing = (await ReadAsync(store, Entities.AlertStates)).Single();
        firing.Status.Should().Be(AlertStatus.Firing);
        firing.ActiveSince.Should().Be(Week(2));
        (await ReadAsync(store, Entities.AlertNotifications)).Should().HaveCount(2, "one per channel: e-mail and Slack");
    }

    [Fact]
    public async Task Apply_TwoNodesEvaluatingAtOnce_ProduceOneNotificationPerChannelAndResolveOnce()
    {
        var group = RuleFixture.AboveTen("0s", repeat: "1d");
        await using var first = await OpenNodeAsync();
        await using var second = await OpenNodeAsync();

        // Both nodes evaluate in parallel every hour (each repeated evaluation within the repeat interval must be
        // silent), then after the condition stops. Their clocks differ by a second, as real nodes' do, so their
        // notifications would not share idempotency keys: only the lock and the shared state keep them single.
        var times = Enumerable.Range(0, 12).Select(h => Week(2).AddHours(h)).Append(Week(5)).Append(Week(5).AddHours(1)).ToList();
        foreach (var at in times)
        {
            await Task.WhenAll(EvaluateAsync(first, group, at), EvaluateAsync(second, group, at.AddSeconds(1)));
        }

        var notifications = await ReadAsync(first, Entities.AlertNotifications);
        notifications.Where(n => n.Kind == NotificationKind.Firing).Select(n => n.Channel).Should().BeEquivalentTo(["email", "slack"], "it fires once per channel");
        notifications.Where(n => n.Kind == NotificationKind.Resolved).Select(n => n.Channel).Should().BeEquivalentTo(["email", "slack"], "it resolves once per channel");
        var state = (await ReadAsync(second, Entities.AlertStates)).Single();
        state.Status.Should().Be(AlertStatus.Resolved);
        state.ResolvedNotified.Should().BeTrue();
    }

    [Fact]
    public async Task Apply_AfterTheRepeatInterval_NotifiesAgainOnce()
    {
        var group = RuleFixture.AboveTen("0s", repeat: "1d");
        await using var first = await OpenNodeAsync();
        await using var second = await OpenNodeAsync();

        await Task.WhenAll(EvaluateAsync(first, group, Week(2)), EvaluateAsync(second, group, Week(2).AddSeconds(1)));
        await Task.WhenAll(EvaluateAsync(first, group, Week(2, 1).AddSeconds(1)), EvaluateAsync(second, group, Week(2, 1).AddSeconds(2)));

        var firing = (await ReadAsync(first, Entities.AlertNotifications)).Where(n => n.Kind == NotificationKind.Firing).ToList();
        firing.Should().HaveCount(4, "once at week 2 and once a day later, on two channels");
        firing.Select(n => n.CreatedAt.Date).Distinct().Should().BeEquivalentTo([Week(2).Date, Week(2, 1).Date]);
    }

    [Fact]
    public async Task Apply_WithAStoredSilence_RecordsButDoesNotNotify()
    {
        var group = RuleFixture.AboveTen("0s");
        await using var store = await OpenNodeAsync();
        await AlertBook.AddSilenceAsync(store, new Silence("maintenance", "{team=\"pay\"}", Week(1), Week(4), "ana", "known slowdown", Week(1)), default);

        await EvaluateAsync(store, group, Week(2));

        var state = (await ReadAsync(store, Entities.AlertStates)).Single();
        state.Status.Should().Be(AlertStatus.Firing);
        state.Silenced.Should().BeTrue();
        (await ReadAsync(store, Entities.AlertNotifications)).Should().BeEmpty();
    }

    [Fact]
    public async Task AddSilence_BadMatchers_IsRefused()
    {
        await using var store = await OpenNodeAsync();
        var act = () => AlertBook.AddSilenceAsync(store, new Silence("x", "{team=}", Week(1), Week(2), "ana", "why", Week(1)), default);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*silence 'x'*");
    }
}
