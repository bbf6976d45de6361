using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.PagerDuty;

/// <summary>
/// Brings PagerDuty incidents into the store. Reads incidents created from the cursor (first run: now minus
/// <see cref="PagerDutyOptions.InitialLookback"/>) to now, in windows of at most <see cref="PagerDutyOptions.MaxWindow"/>;
/// a window whose paging would pass the offset ceiling is halved until it fits. Each incident's log entries give its
/// acknowledge time and responders. The next cursor is the creation of the oldest incident still open, so open incidents
/// are read again until they resolve. Records, raw pages and cursor are committed in one transaction.
/// </summary>
public sealed class PagerDutySync(IStore store, PagerDutyClient client, PagerDutyOptions options, TimeProvider time)
{
    /// <summary>The cursor's scope.</summary>
    public const string Scope = "incidents";

    /// <summary>Syncs the account's incidents.</summary>
    /// <param name="cancellationToken">Cancels the sync; nothing is kept.</param>
    /// <exception cref="ApiCallException">PagerDuty refused a request or kept failing; nothing was stored.</exception>
    /// <exception cref="SourceDataException">PagerDuty sent something that cannot be mapped; nothing was stored.</exception>
    public async Task<PagerDutySyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow();
        until = new DateTimeOffset(until.Ticks - (until.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var cursorText = await store.GetCursorAsync(PagerDutyClient.Source, Scope, cancellationToken);
        var since = cursorText is null ? until - options.InitialLookback : DateTimeOffset.Parse(cursorText, CultureInfo.InvariantCulture);

        var payloads = new List<RawPayload>();
        var incidents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var windows = 0;
        for (var start = since; start < until; start += options.MaxWindow)
        {
            var end = start + options.MaxWindow < until ? start + options.MaxWindow : until;
            windows += await ReadWindowAsync(start, end, incidents, payloads, cancellationToken);
        }

        var mapper = new PagerDutyIncidentMapper(options);
        var records = new List<Incident>(incidents.Count);
        foreach (var (id, incident) in incidents)
        {
            records.Add(mapper.Map(incident, await ReadLogEntriesAsync(id, payloads, cancellationToken)));
        }

        var cursor = records.Where(r => r.Status != IncidentStatus.Resolved).Select(r => (DateTimeOffset?)r.CreatedAt).Min() ?? until;
        cursor = cursor < since ? since : cursor;

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var changed = (await writer.UpsertAsync(Entities.Incidents, records, cancellationToken)).Changed;
        foreach (var payload in payloads)
        {
            await writer.ArchiveAsync(payload, cancellationToken);
        }

        await writer.SetCursorAsync(PagerDutyClient.Source, Scope, cursor.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return new PagerDutySyncResult(since, until, records.Count, windows, changed, cursor);
    }

    /// <summary>Reads one window, halving it when its paging would pass the ceiling; returns the windows used.</summary>
    private async Task<int> ReadWindowAsync(
        DateTimeOffset since, DateTimeOffset until, Dictionary<string, JsonElement> incidents, List<RawPayload> payloads, CancellationToken cancellationToken)
    {
        for (var offset = 0; ; )
        {
            if (offset + options.PageSize > options.OffsetCeiling)
            {
                if (until - since <= options.MinWindow)
                {
                    throw new ApiCallException(PagerDutyClient.Source, "GET /incidents", null,
                        $"more than {options.OffsetCeiling} incidents created between {PagerDutyClient.Iso(since)} and {PagerDutyClient.Iso(until)}; the window cannot be split further");
                }

                var middle = since + TimeSpan.FromTicks((until - since).Ticks / 2);
                return await ReadWindowAsync(since, middle, incidents, payloads, cancellationToken)
                    + await ReadWindowAsync(middle, until, incidents, payloads, cancellationToken);
            }

            var response = await client.ListIncidentsAsync(since, until, options.ServiceIds, offset, options.PageSize, cancellationToken);
            payloads.Add(new RawPayload(PagerDutyClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
            var page = response.Value.Items("incidents").ToList();
            foreach (var incident in page)
            {
                incidents[incident.Text("id") ?? throw new SourceDataException("GET /incidents: an incident has no id")] = incident;
            }

            if (response.Value.Get("more").ValueKind != JsonValueKind.True)
            {
                return 1;
            }

            if (page.Count == 0)
            {
                throw new ApiCallException(PagerDutyClient.Source, "GET /incidents", null, $"offset {offset}: 'more' is true on an empty page; stopped rather than loop");
            }

            offset += page.Count;
        }
    }

    private async Task<List<JsonElement>> ReadLogEntriesAsync(string incidentId, List<RawPayload> payloads, CancellationToken cancellationToken)
    {
        var entries = new List<JsonElement>();
        for (var offset = 0; ; )
        {
            if (offset + options.PageSize > options.OffsetCeiling)
            {
                throw new ApiCallException(PagerDutyClient.Source, $"GET /incidents/{incidentId}/log_entries", null, $"more than {options.OffsetCeiling} log entries");
            }

            var response = await client.LogEntriesAsync(incidentId, offset, options.PageSize, cancellationToken);
            payloads.Add(new RawPayload(PagerDutyClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
            var page = response.Value.Items("log_entries").ToList();
            entries.AddRange(page);
            if (response.Value.Get("more").ValueKind != JsonValueKind.True)
            {
                return entries;
            }

            if (page.Count == 0)
            {
                throw new ApiCallException(PagerDutyClient.Source, $"GET /incidents/{incidentId}/log_entries", null, $"offset {offset}: 'more' is true on an empty page; stopped rather than loop");
            }

            offset += page.Count;
        }
    }
}
