using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Opsgenie;

/// <summary>
/// Brings Opsgenie incidents (and, when configured, alerts) into the store, each listing with its own cursor and its own
/// transaction. A listing reads items created from the cursor (first run: now minus
/// <see cref="OpsgenieOptions.InitialLookback"/>) to now, sorted by creation, paged by <c>offset</c>; when the next page
/// would pass <see cref="OpsgenieOptions.OffsetCeiling"/>, it starts again at offset 0 from the creation time of the last
/// item read. The next cursor is the creation of the oldest item still open, so open items are read again until they
/// close. A full refresh reads the whole look-back and removes the stored items of that range that Opsgenie no longer
/// returns (deleted upstream), in the same transaction.
/// </summary>
public sealed class OpsgenieSync(IStore store, OpsgenieClient client, OpsgenieOptions options, TimeProvider time)
{
    /// <summary>Syncs the configured listings.</summary>
    /// <param name="fullRefresh">Read the whole look-back and remove what Opsgenie no longer has.</param>
    /// <param name="cancellationToken">Cancels the sync; the listing in progress is rolled back.</param>
    /// <exception cref="ApiCallException">Opsgenie refused a request or kept failing; earlier listings stay committed.</exception>
    /// <exception cref="SourceDataException">Opsgenie sent something that cannot be mapped.</exception>
    public async Task<IReadOnlyList<OpsgenieSyncResult>> SyncAsync(bool fullRefresh, CancellationToken cancellationToken)
    {
        var results = new List<OpsgenieSyncResult>();
        if (options.Incidents)
        {
            results.Add(await SyncKindAsync(OpsgenieKind.Incidents, options.IncidentQuery, fullRefresh, cancellationToken));
        }

        if (options.Alerts)
        {
            results.Add(await SyncKindAsync(OpsgenieKind.Alerts, options.AlertQuery, fullRefresh, cancellationToken));
        }

        return results;
    }

    /// <summary>The cursor scope of a listing.</summary>
    public static string Scope(OpsgenieKind kind) => kind == OpsgenieKind.Incidents ? "incidents" : "alerts";

    private static string Prefix(OpsgenieKind kind) => kind == OpsgenieKind.Incidents ? "incident/" : "alert/";

    private async Task<OpsgenieSyncResult> SyncKindAsync(OpsgenieKind kind, string? filter, bool fullRefresh, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow();
        until = new DateTimeOffset(until.Ticks - (until.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var cursorText = fullRefresh ? null : await store.GetCursorAsync(OpsgenieClient.Source, Scope(kind), cancellationToken);
        var since = cursorText is null ? until - options.InitialLookback : DateTimeOffset.Parse(cursorText, CultureInfo.InvariantCulture);

        var payloads = new List<RawPayload>();
        var items = await ReadAsync(kind, filter, since, until, payloads, cancellationToken);
        var mapper = new OpsgenieMapper(options);
        var records = items.Values.Select(i => mapper.Map(kind, i)).ToList();
        var cursor = records.Where(r => r.Status != IncidentStatus.Resolved).Select(r => (DateTimeOffset?)r.CreatedAt).Min() ?? until;
        cursor = cursor < since ? since : cursor;

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var changed = (await writer.UpsertAsync(Entities.Incidents, records, cancellationToken)).Changed;
        var removed = 0;
        if (fullRefresh)
        {
            var seen = records.Select(r => r.SourceId).ToHashSet(StringComparer.Ordinal);
            var query = StoreQuery.All.Where("source", OpsgenieClient.Source).Since("created_at", since).Before("created_at", until);
            removed = (await UpstreamDeletes.RemoveMissingAsync(
                writer, Entities.Incidents, query, r => r.SourceId.StartsWith(Prefix(kind), StringComparison.Ordinal), r => seen.Contains(r.SourceId), cancellationToken)).Count;
        }

        foreach (var payload in payloads)
        {
            await writer.ArchiveAsync(payload, cancellationToken);
        }

        await writer.SetCursorAsync(OpsgenieClient.Source, Scope(kind), cursor.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return new OpsgenieSyncResult(kind, since, until, records.Count, changed, removed, cursor);
    }

    /// <summary>Reads every item created in [since, until), restarting from the last creation seen at the offset ceiling.</summary>
    private async Task<Dictionary<string, JsonElement>> ReadAsync(
        OpsgenieKind kind, string? filter, DateTimeOffset since, DateTimeOffset until, List<RawPayload> payloads, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var from = since;
        var offset = 0;
        for (var page = 0; ; page++)
        {
            if (page >= options.MaxPages)
            {
                throw new ApiCallException(OpsgenieClient.Source, OpsgenieClient.Label(kind), null, $"more than {options.MaxPages} pages; stopped");
            }

            if (offset + options.PageSize > options.OffsetCeiling)
            {
                // Keyset restart: everything created before the last item read is in hand; items sharing its instant are
                // read again and deduplicated by id.
                var last = items.Values.Select(i => IsoInstant.Read(i.Get("createdAt"), $"{Scope(kind)}: createdAt")).Max() ?? from;
                if (last <= from)
                {
                    throw new ApiCallException(OpsgenieClient.Source, OpsgenieClient.Label(kind), null,
                        $"more than {options.OffsetCeiling} items created at {from:O}; the listing cannot move on");
                }

                from = last;
                offset = 0;
            }

            var query = string.Create(CultureInfo.InvariantCulture, $"createdAt >= {from.ToUnixTimeMilliseconds()} AND createdAt < {until.ToUnixTimeMilliseconds()}")
                + (string.IsNullOrWhiteSpace(filter) ? "" : $" AND ({filter})");
            var response = await client.ListAsync(kind, query, offset, options.PageSize, cancellationToken);
            payloads.Add(new RawPayload(OpsgenieClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
            var data = response.Value.Items("data").ToList();
            foreach (var item in data)
            {
                items[item.Text("id") ?? throw new SourceDataException($"{OpsgenieClient.Label(kind)}: an item has no id")] = item;
            }

            if (data.Count < options.PageSize || response.Value.Get("paging").Text("next") is null)
            {
                return items;
            }

            offset += data.Count;
        }
    }
}
