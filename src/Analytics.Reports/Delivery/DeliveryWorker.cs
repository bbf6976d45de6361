using Analytics.Domain.Outbox;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Delivers the outbox. Each run claims due messages under the store's <see cref="DeliveryOutbox.LockName"/> lock (one
/// short transaction that counts the attempt and moves the message's next attempt a <see cref="DeliveryPolicy.Lease"/>
/// ahead, so no other node picks it up), sends them outside any transaction, and records each outcome in its own
/// transaction: sent; or the next attempt after an exponential, jittered backoff; or failed with the reason.
/// </summary>
/// <remarks>
/// Exactly once, except for one window no outbox can close: a crash after the receiver accepted a message and before
/// it was marked sent. The message is then sent again after its lease, with the same Message-ID (e-mail) or
/// idempotency-key header (webhook) so the receiver can drop the repeat. See <c>docs/delivery.md</c>.
/// </remarks>
public sealed class DeliveryWorker
{
    // A run ends when nothing is due; claimed messages are not due again within the run, so this only guards against a bug.
    private const int MaxBatchesPerRun = 10_000;

    private readonly IStore _store;
    private readonly Dictionary<OutboundChannel, IDeliveryChannel> _channels;
    private readonly DeliveryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly Random _jitter;

    /// <summary>Creates a worker.</summary>
    /// <param name="store">The store holding the outbox.</param>
    /// <param name="channels">At most one channel per <see cref="OutboundChannel"/>; messages of other channels are left waiting.</param>
    /// <param name="policy">Retries and claims.</param>
    /// <param name="time">The clock.</param>
    /// <param name="jitter">The source of jitter; null for a shared random source (tests pass a seeded one).</param>
    /// <exception cref="ArgumentException">Two channels of one kind, or a channel whose timeout is not shorter than the lease.</exception>
    public DeliveryWorker(IStore store, IEnumerable<IDeliveryChannel> channels, DeliveryPolicy policy, TimeProvider time, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _channels = [];
        foreach (var channel in channels)
        {
            if (!_channels.TryAdd(channel.Channel, channel))
            {
                throw new ArgumentException($"two channels deliver {channel.Channel} messages", nameof(channels));
            }

            if (channel.Timeout >= policy.Lease)
            {
                throw new ArgumentException(
                    $"the {channel.Channel} channel's timeout ({channel.Timeout}) must be shorter than the claim lease ({policy.Lease}), or two nodes could send one message",
                    nameof(channels));
            }
        }

        _store = store;
        _policy = policy;
        _time = time;
        _jitter = jitter ?? Random.Shared;
    }

    /// <summary>Delivers every message due now, once each, and returns what happened.</summary>
    /// <param name="cancellationToken">Stops the run; a message being sent is retried after its lease.</param>
    public async Task<DeliveryRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var attempted = new List<OutboundMessage>();
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var claimed = await ClaimAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            foreach (var message in claimed)
            {
                var outcome = await SendAsync(message, cancellationToken);

                // Recorded even when the run is being cancelled: a message the receiver accepted must be marked sent,
                // or it would be sent again after its lease.
                if (await RecordAsync(message, outcome, CancellationToken.None) is { } recorded)
                {
                    attempted.Add(recorded);
                }
            }
        }

        return new DeliveryRun(attempted);
    }

    private async Task<List<OutboundMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var writer = await _store.BeginWriteAsync(cancellationToken);
        await writer.LockAsync(DeliveryOutbox.LockName, cancellationToken);
        var now = _time.GetUtcNow();

        // Instants are kept to the microsecond: "before now plus one" is "at or before now".
        var due = StoreQuery.All.Before("next_attempt_at", now.AddTicks(10)).OrderedBy("next_attempt_at");
        var claimed = new List<OutboundMessage>();
        await foreach (var message in writer.ReadAsync(Entities.OutboundMessages, due, cancellationToken))
        {
            if (_channels.ContainsKey(message.Channel) && message.Status == OutboundStatus.Pending)
            {
                claimed.Add(message with { Attempts = message.Attempts + 1, NextAttemptAt = now + _policy.Lease });
                if (claimed.Count == _policy.BatchSize)
                {
                    break;
                }
            }
        }

        if (claimed.Count > 0)
        {
            await writer.UpsertAsync(Entities.OutboundMessages, claimed, cancellationToken);
            await writer.CommitAsync(cancellationToken);
        }

        return claimed;
    }

    private async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await _channels[message.Channel].SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A channel reports expected failures as outcomes; anything else is a bug, retried like an outage so one bad
            // message or channel cannot stop the others. The message names only the type: exception text might carry
            // what the channel was built with.
            return DeliveryOutcome.Retry($"{message.Channel} channel failed unexpectedly ({e.GetType().Name})");
        }
    }

    private async Task<OutboundMessage?> RecordAsync(OutboundMessage claimed, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        await using var writer = await _store.BeginWriteAsync(cancellationToken);
        await writer.LockAsync(DeliveryOutbox.LockName, cancellationToken);
        var now = _time.GetUtcNow();
        var key = StoreQuery.All.Where("idempotency_key", claimed.IdempotencyKey);
        var current = await writer.ReadAsync(Entities.OutboundMessages, key, cancellationToken).FirstOrDefaultAsync(cancellationToken);
        if (current is null || current.Status != OutboundStatus.Pending)
        {
            // Deleted by hand, or finished by another node after this one's lease ran out: keep what is recorded.
            return current;
        }

        var recorded = outcome.Kind switch
        {
            DeliveryOutcomeKind.Sent => current with { SentAt = now, NextAttemptAt = null },
            DeliveryOutcomeKind.Permanent => current with { FailedAt = now, NextAttemptAt = null, LastError = outcome.Error },
            _ when current.Attempts >= _policy.MaxAttempts => current with
            {
                FailedAt = now,
                NextAttemptAt = null,
                LastError = $"gave up after {current.Attempts} attempts: {outcome.Error}",
            },
            _ => current with { NextAttemptAt = now + Backoff(current.Attempts, outcome.RetryAfter), LastError = outcome.Error },
        };
        await writer.UpsertAsync(Entities.OutboundMessages, [recorded], cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return recorded;
    }

    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var full = _policy.BackoffAfter(attempts);
        var jittered = TimeSpan.FromTicks((long)(full.Ticks * (0.5 + (0.5 * _jitter.NextDouble()))));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
