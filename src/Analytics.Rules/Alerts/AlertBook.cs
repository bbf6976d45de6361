using Analytics.Domain.Alerts;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Rules.Alerts;

/// <summary>
/// Keeps alert state in the store. Each evaluation's read-modify-write runs in one transaction that first takes the
/// <see cref="LockName"/> lock, so evaluators on several nodes take turns: the second sees what the first wrote, and an
/// alert fires, repeats and resolves once however many nodes evaluate.
/// </summary>
public static class AlertBook
{
    /// <summary>The named lock every evaluation holds while it reads and writes alert state.</summary>
    public const string LockName = "rules:evaluate";

    /// <summary>Applies this evaluation's outcomes to the stored state and writes new notifications to the outbox.</summary>
    /// <exception cref="StoreException">The store cannot be read or written; nothing is changed.</exception>
    public static async Task<LifecycleResult> ApplyAsync(IStore store, IReadOnlyList<RuleOutcome> outcomes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.LockAsync(LockName, cancellationToken);
        var previous = new Dictionary<string, AlertState>(StringComparer.Ordinal);
        await foreach (var state in writer.ReadAsync(Entities.AlertStates, null, cancellationToken))
        {
            previous[state.Fingerprint] = state;
        }

        var silences = new List<Silence>();
        await foreach (var silence in writer.ReadAsync(Entities.Silences, null, cancellationToken))
        {
            silences.Add(silence);
        }

        var result = AlertLifecycle.Advance(previous, outcomes, silences, at);
        var changed = result.States.Where(s => !previous.TryGetValue(s.Fingerprint, out var old) || old != s).ToList();
        await writer.UpsertAsync(Entities.AlertStates, changed, cancellationToken);
        await writer.UpsertAsync(Entities.AlertNotifications, result.Notifications, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Stores a silence (replacing one with the same id).</summary>
    /// <exception cref="ArgumentException">Its matchers do not parse.</exception>
    /// <exception cref="StoreException">The store cannot be written.</exception>
    public static async Task AddSilenceAsync(IStore store, Silence silence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(silence);
        if (Language.Parser.ParseMatchers(silence.Matchers).Error is { } error)
        {
            throw new ArgumentException($"silence '{silence.Id}': matchers {silence.Matchers}: {error.Message} (at character {error.Offset + 1})", nameof(silence));
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.UpsertAsync(Entities.Silences, [silence], cancellationToken);
        await writer.CommitAsync(cancellationToken);
    }
}
