using System.Text.Json;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.GitHub.Webhooks;

/// <summary>
/// Stores verified webhook deliveries. Each delivery is applied in one transaction that holds <see cref="LockName"/>:
/// its records are upserted and its body archived under its <c>X-GitHub-Delivery</c> id, which is how a redelivery (GitHub
/// retries, a manual redeliver, another node) is recognised and ignored. Verify the signature before calling this.
/// </summary>
/// <param name="store">Where records and archived deliveries go.</param>
/// <param name="time">The clock for the archive's received time.</param>
public sealed class GitHubWebhookReceiver(IStore store, TimeProvider time)
{
    /// <summary>The archive source of deliveries (kept apart from the REST collector's payloads).</summary>
    public const string ArchiveSource = "github-webhook";

    /// <summary>The named lock that makes the duplicate check and the write one step across nodes.</summary>
    public const string LockName = "github:webhooks";

    /// <summary>Applies one delivery.</summary>
    /// <param name="deliveryId">The <c>X-GitHub-Delivery</c> header (a GUID); not blank.</param>
    /// <param name="eventName">The <c>X-GitHub-Event</c> header; not blank.</param>
    /// <param name="body">The body as received.</param>
    /// <param name="cancellationToken">Cancels; nothing is written then.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ArgumentException">The delivery id or event name is blank.</exception>
    /// <exception cref="StoreException">The store cannot be written; nothing was.</exception>
    public async Task<GitHubWebhookOutcome> ReceiveAsync(string deliveryId, string eventName, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(body);
        GitHubWebhookMapping mapping;
        try
        {
            using var document = JsonDocument.Parse(body);
            mapping = GitHubWebhookMapper.Map(eventName, document.RootElement, deliveryId);
        }
        catch (JsonException e)
        {
            return new GitHubWebhookOutcome(GitHubWebhookOutcomeKind.Malformed, 0, 0, $"webhook {eventName} {deliveryId}: body is not JSON ({e.Message})");
        }

        if (mapping.Error is not null)
        {
            return new GitHubWebhookOutcome(GitHubWebhookOutcomeKind.Malformed, 0, 0, mapping.Error);
        }

        var key = $"deliveries/{deliveryId}";
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.LockAsync(LockName, cancellationToken);
        if (await store.GetRawPayloadAsync(ArchiveSource, key, cancellationToken) is not null)
        {
            return new GitHubWebhookOutcome(GitHubWebhookOutcomeKind.Duplicate, 0, 0, null);
        }

        var changed = default(UpsertResult);
        if (mapping.Records is { } records)
        {
            changed += await writer.UpsertAsync(Entities.Repositories, records.Repositories, cancellationToken);
            changed += await writer.UpsertAsync(Entities.Identities, records.Identities, cancellationToken);
            changed += await writer.UpsertAsync(Entities.PullRequests, records.PullRequests, cancellationToken);
            changed += await writer.UpsertAsync(Entities.Reviews, records.Reviews, cancellationToken);
            changed += await writer.UpsertAsync(Entities.WorkflowRuns, records.WorkflowRuns, cancellationToken);
            changed += await writer.UpsertAsync(Entities.CiJobs, records.CiJobs, cancellationToken);
            changed += await writer.UpsertAsync(Entities.CiSteps, records.CiSteps, cancellationToken);
        }

        await writer.ArchiveAsync(new RawPayload(ArchiveSource, key, time.GetUtcNow(), $"application/json; event={eventName}", body), cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return mapping.Ignored
            ? new GitHubWebhookOutcome(GitHubWebhookOutcomeKind.Ignored, 0, 0, null)
            : new GitHubWebhookOutcome(GitHubWebhookOutcomeKind.Stored, changed.Received, changed.Changed, null);
    }
}
