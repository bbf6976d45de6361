using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Statuspage;

/// <summary>
/// Brings Statuspage incidents into the store, one status page at a time, each in its own transaction. Pages are read
/// newest first (<c>page=1, 2, …</c>) until a short page, or, incrementally, until a page reaches incidents created
/// before the cursor (the creation of the oldest incident open at the last sync, else of the newest one read then):
/// anything older was closed and stored then. A full refresh reads every page and removes the stored incidents of that
/// status page it no longer lists (deleted upstream), in the same transaction.
/// </summary>
public sealed class StatuspageSync(IStore store, StatuspageClient client, StatuspageOptions options, TimeProvider time)
{
    /// <summary>Syncs every configured status page, in order.</summary>
    /// <param name="fullRefresh">Read every page and remove what Statuspage no longer lists.</param>
    /// <param name="cancellationToken">Cancels the sync; the status page in progress is rolled back.</param>
    /// <exception cref="ApiCallException">Statuspage refused a request or kept failing; earlier pages stay committed.</exception>
    /// <exception cref="SourceDataException">Statuspage sent something that cannot be mapped.</exception>
    public async Task<IReadOnlyList<StatuspageSyncResult>> SyncAsync(bool fullRefresh, CancellationToken cancellationToken)
    {
        if (options.PageIds.Count == 0)
        {
            throw new InvalidOperationException("no Statuspage page ids configured (Statuspage:PageIds)");
        }

        var results = new List<StatuspageSyncResult>();
        foreach (var pageId in options.PageIds)
        {
            results.Add(await SyncPageAsync(pageId, fullRefresh, cancellationToken));
        }

        return results;
    }

    private async Task<StatuspageSyncResult> SyncPageAsync(string pageId, bool fullRefresh, CancellationToken cancellationToken)
    {
        var cursorText = fullRefresh ? null : await store.GetCursorAsync(StatuspageClient.Source, pageId, cancellationToken);
        DateTimeOffset? stopBefore = cursorText is null ? null : DateTimeOffset.Parse(cursorText, CultureInfo.InvariantCulture);
        var mapper = new StatuspageMapper(options);
        var payloads = new List<RawPayload>();
        var records = new Dictionary<string, Incident>(StringComparer.Ordinal);
        var maintenances = 0;
        for (var page = 1; ; page++)
        {
            if (page > options.MaxPages)
            {
                throw new ApiCallException(StatuspageClient.Source, $"GET /pages/{pageId}/incidents", null, $"more than {options.MaxPages} pages; stopped");
            }

            var response = await client.ListIncidentsAsync(pageId, page, options.PageSize, cancellationToken);
            payloads.Add(new RawPayload(StatuspageClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
            if (response.Value.ValueKind != JsonValueKind.Array)
            {
                throw new SourceDataException($"GET /pages/{pageId}/incidents page {page.ToString(CultureInfo.InvariantCulture)}: expected a JSON array, found {response.Value.ValueKind}");
            }

            var items = response.Value.EnumerateArray().ToList();
            var reachedCursor = false;
            foreach (var item in items)
            {
                if (StatuspageMapper.IsMaintenance(item))
                {
                    maintenances++;
                    continue;
                }

                var incident = mapper.Map(pageId, item);
                records[incident.SourceId] = incident;
                reachedCursor |= incident.CreatedAt < stopBefore;
            }

            if (items.Count < options.PageSize || reachedCursor)
            {
                break;
            }
        }

        var open = records.Values.Where(r => r.Status != IncidentStatus.Resolved).Select(r => (DateTimeOffset?)r.CreatedAt).Min();
        var newest = records.Values.Select(r => (DateTimeOffset?)r.CreatedAt).Max();
        var cursor = open ?? (newest > stopBefore || stopBefore is null ? newest : stopBefore);

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var changed = (await writer.UpsertAsync(Entities.Incidents, records.Values.ToList(), cancellationToken)).Changed;
        var removed = 0;
        if (fullRefresh)
        {
            var prefix = pageId + "/";
            removed = (await UpstreamDeletes.RemoveMissingAsync(
                writer, Entities.Incidents, StoreQuery.All.Where("source", StatuspageClient.Source),
                r => r.SourceId.StartsWith(prefix, StringComparison.Ordinal), r => records.ContainsKey(r.SourceId), cancellationToken)).Count;
        }

        foreach (var payload in payloads)
        {
            await writer.ArchiveAsync(payload, cancellationToken);
        }

        if (cursor is { } c)
        {
            await writer.SetCursorAsync(StatuspageClient.Source, pageId, c.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        return new StatuspageSyncResult(pageId, records.Count, maintenances, changed, removed, cursor);
    }
}
