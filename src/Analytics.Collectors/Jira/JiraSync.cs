using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Incidents;
using Analytics.Domain.Work;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Jira;

/// <summary>
/// Brings Jira issues into the store, one scope (a project or a named JQL) at a time and incrementally by
/// <c>updated</c>: the search starts <see cref="JiraOptions.Overlap"/> before the scope's cursor, pages through every
/// <c>nextPageToken</c>, then fetches the issues' complete status histories through the bulk changelog (Cloud); or pages
/// by <c>startAt</c> up to <c>total</c> with each issue's changelog expanded inline (Data Center). Tickets,
/// transitions, incidents, the raw pages and the new cursor are committed in one transaction per scope, so a failed
/// scope leaves the store as it was.
/// </summary>
public sealed partial class JiraSync(IStore store, JiraClient client, JiraOptions options, TimeProvider time)
{
    private const int ChangelogBatch = 1000;

    /// <summary>Syncs every configured scope incrementally, in order.</summary>
    /// <param name="cancellationToken">Cancels the sync; the scope in progress is rolled back.</param>
    /// <exception cref="ApiCallException">Jira refused a request or kept failing; earlier scopes stay committed.</exception>
    /// <exception cref="SourceDataException">Jira sent something that cannot be mapped.</exception>
    public Task<IReadOnlyList<JiraSyncResult>> SyncAsync(CancellationToken cancellationToken) => SyncAsync(false, cancellationToken);

    /// <summary>
    /// Syncs every configured scope, in order; a full refresh ignores the cursors, reads each scope whole and, for project
    /// scopes, removes in the same transaction the stored tickets of the project that Jira no longer returns (deleted or
    /// moved upstream) with their transitions and incidents, and the transitions and incidents of returned tickets that
    /// Jira no longer has. A JQL scope cannot tell which stored tickets it covered, so it removes nothing.
    /// </summary>
    /// <param name="fullRefresh">Read everything and remove what Jira no longer has.</param>
    /// <param name="cancellationToken">Cancels the sync; the scope in progress is rolled back.</param>
    /// <exception cref="ApiCallException">Jira refused a request or kept failing; earlier scopes stay committed.</exception>
    /// <exception cref="SourceDataException">Jira sent something that cannot be mapped.</exception>
    public async Task<IReadOnlyList<JiraSyncResult>> SyncAsync(bool fullRefresh, CancellationToken cancellationToken)
    {
        var scopes = options.Projects.Select(p => ($"project:{p}", $"project = \"{p.Replace("\"", "\\\"", StringComparison.Ordinal)}\"", (string?)p))
            .Concat(options.Jql.OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => ($"jql:{j.Key}", j.Value, (string?)null)))
            .ToList();
        if (scopes.Count == 0)
        {
            throw new InvalidOperationException("no Jira projects or JQL configured (Jira:Projects or Jira:Jql)");
        }

        if (client.Flavor != options.Flavor)
        {
            throw new InvalidOperationException($"the options are for Jira {options.Flavor} but the client speaks to Jira {client.Flavor}");
        }

        var statusResponse = await client.StatusesAsync(cancellationToken);
        var statuses = new JiraStatusMap();
        statuses.Add(statusResponse.Value);
        var statusPayload = new RawPayload(JiraClient.Source, statusResponse.RequestKey, time.GetUtcNow(), "application/json", statusResponse.Body);
        var results = new List<JiraSyncResult>();
        foreach (var (scope, jql, project) in scopes)
        {
            results.Add(await SyncScopeAsync(scope, jql, fullRefresh ? new FullRefresh(project) : null, statuses, statusPayload, cancellationToken));
        }

        return results;
    }

    private async Task<JiraSyncResult> SyncScopeAsync(
        string scope, string jql, FullRefresh? fullRefresh, JiraStatusMap statuses, RawPayload statusPayload, CancellationToken cancellationToken)
    {
        var issueMapper = new JiraIssueMapper(options, statuses);
        var changelogMapper = new JiraChangelogMapper(statuses);
        var cursorText = fullRefresh is null ? await store.GetCursorAsync(JiraClient.Source, scope, cancellationToken) : null;
        DateTimeOffset? cursor = cursorText is null ? null : DateTimeOffset.Parse(cursorText, CultureInfo.InvariantCulture);
        // Data Center pages by offset: ordered by creation, an issue updated while the scope is read keeps its place,
        // where ordered by update it would move to the end and shift an unread issue onto a page already read.
        var order = options.Flavor == JiraFlavor.Cloud ? "ORDER BY updated ASC" : "ORDER BY created ASC, key ASC";
        var search = cursor is { } c
            ? $"({jql}) AND updated >= \"{(c - options.Overlap).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}\" {order}"
            : $"({jql}) {order}";

        // The status list the categories came from is archived with every scope that used it.
        var payloads = new List<RawPayload> { statusPayload };
        var (tickets, transitions) = options.Flavor == JiraFlavor.Cloud
            ? await ReadCloudAsync(scope, search, issueMapper, changelogMapper, payloads, cancellationToken)
            : await ReadDataCenterAsync(scope, search, issueMapper, changelogMapper, payloads, cancellationToken);
        var incidents = new List<Incident>();
        foreach (var (ticket, issue) in tickets.Values)
        {
            if (issueMapper.IsIncident(ticket))
            {
                incidents.Add(issueMapper.MapIncident(ticket, issue, transitions.TryGetValue(ticket.Key, out var list) ? list : []));
            }
        }

        var allTransitions = transitions.Values.SelectMany(t => t).ToList();
        var newest = tickets.Count == 0 ? cursor : tickets.Values.Max(t => t.Ticket.UpdatedAt);
        if (cursor is { } old && newest < old)
        {
            newest = old;
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var changed = (await writer.UpsertAsync(Entities.Tickets, tickets.Values.Select(t => t.Ticket).ToList(), cancellationToken)).Changed
            + (await writer.UpsertAsync(Entities.TicketTransitions, allTransitions, cancellationToken)).Changed
            + (await writer.UpsertAsync(Entities.Incidents, incidents, cancellationToken)).Changed;
        var removed = fullRefresh?.Project is { } project
            ? await RemoveMissingAsync(writer, project, tickets.Keys.ToHashSet(StringComparer.Ordinal), allTransitions, incidents, cancellationToken)
            : 0;
        foreach (var payload in payloads)
        {
            await writer.ArchiveAsync(payload, cancellationToken);
        }

        if (newest is { } n)
        {
            await writer.SetCursorAsync(JiraClient.Source, scope, n.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        return new JiraSyncResult(scope, tickets.Count, allTransitions.Count, incidents.Count, changed, newest) { Removed = removed };
    }

    /// <summary>
    /// A full refresh of a project: removes its stored tickets Jira did not return, the transitions and incidents of those
    /// tickets, and the transitions and incidents of returned tickets that this read did not produce. Returns the count.
    /// </summary>
    private static async Task<int> RemoveMissingAsync(
        IStoreWriter writer, string project, HashSet<string> returned, List<TicketTransition> transitions, List<Incident> incidents, CancellationToken cancellationToken)
    {
        var byJira = StoreQuery.All.Where("source", JiraClient.Source);
        var goneTickets = (await UpstreamDeletes.RemoveMissingAsync(
            writer, Entities.Tickets, byJira.Where("project", project), _ => true, t => returned.Contains(t.Key), cancellationToken))
            .Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var inScope = returned.Union(goneTickets).ToHashSet(StringComparer.Ordinal);
        var seenChanges = transitions.Select(t => (t.TicketKey, t.ChangeId)).ToHashSet();
        var seenIncidents = incidents.Select(i => i.SourceId).ToHashSet(StringComparer.Ordinal);
        var goneTransitions = await UpstreamDeletes.RemoveMissingAsync(
            writer, Entities.TicketTransitions, byJira, t => inScope.Contains(t.TicketKey), t => seenChanges.Contains((t.TicketKey, t.ChangeId)), cancellationToken);
        var goneIncidents = await UpstreamDeletes.RemoveMissingAsync(
            writer, Entities.Incidents, byJira, i => inScope.Contains(i.SourceId), i => seenIncidents.Contains(i.SourceId), cancellationToken);
        return goneTickets.Count + goneTransitions.Count + goneIncidents.Count;
    }

    /// <summary>A full refresh of one scope; <paramref name="Project"/> is its project key, or null for a JQL scope.</summary>
    private sealed record FullRefresh(string? Project);

    /// <summary>Cloud: the enhanced search, paged by token, then the complete histories through the bulk changelog.</summary>
    private async Task<(Dictionary<string, (Ticket Ticket, JsonElement Issue)> Tickets, Dictionary<string, List<TicketTransition>> Transitions)> ReadCloudAsync(
        string scope, string search, JiraIssueMapper issueMapper, JiraChangelogMapper changelogMapper, List<RawPayload> payloads, CancellationToken cancellationToken)
    {
        var tickets = new Dictionary<string, (Ticket Ticket, JsonElement Issue)>(StringComparer.Ordinal);
        var keysById = new Dictionary<string, string>(StringComparer.Ordinal);
        string? token = null;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; ; page++)
        {
            if (page >= options.MaxPages)
            {
                throw new ApiCallException(JiraClient.Source, "POST /rest/api/3/search/jql", null, $"{scope}: more than {options.MaxPages} pages; stopped");
            }

            var response = await client.SearchAsync(search, issueMapper.Fields, options.PageSize, token, cancellationToken);
            payloads.Add(new RawPayload(JiraClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
            foreach (var issue in response.Value.Items("issues"))
            {
                var ticket = issueMapper.MapTicket(issue);
                tickets[ticket.Key] = (ticket, issue);
                keysById[issue.Text("id") ?? throw new SourceDataException($"{ticket.Key}: no id")] = ticket.Key;
            }

            token = response.Value.Text("nextPageToken");
            if (token is null || response.Value.Get("isLast").ValueKind == JsonValueKind.True)
            {
                break;
            }

            if (!seenTokens.Add(token))
            {
                throw new ApiCallException(JiraClient.Source, "POST /rest/api/3/search/jql", null, $"{scope}: the server repeated nextPageToken '{token}'; stopped rather than loop");
            }
        }

        return (tickets, await ReadTransitionsAsync(keysById, changelogMapper, payloads, cancellationToken));
    }

    private async Task<Dictionary<string, List<TicketTransition>>> ReadTransitionsAsync(
        Dictionary<string, string> keysById, JiraChangelogMapper mapper, List<RawPayload> payloads, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<TicketTransition>>(StringComparer.Ordinal);
        foreach (var batch in keysById.Keys.Chunk(ChangelogBatch))
        {
            string? token = null;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            for (var page = 0; ; page++)
            {
                if (page >= options.MaxPages)
                {
                    throw new ApiCallException(JiraClient.Source, "POST /rest/api/3/changelog/bulkfetch", null, $"more than {options.MaxPages} pages; stopped");
                }

                var response = await client.BulkChangelogAsync(batch, token, cancellationToken);
                payloads.Add(new RawPayload(JiraClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
                foreach (var log in response.Value.Items("issueChangeLogs"))
                {
                    var id = log.Text("issueId");
                    if (id is null || !keysById.TryGetValue(id, out var key))
                    {
                        throw new SourceDataException($"bulk changelog: issue id '{id}' was not asked for");
                    }

                    if (!result.TryGetValue(key, out var list))
                    {
                        result[key] = list = [];
                    }

                    foreach (var history in log.Items("changeHistories"))
                    {
                        list.AddRange(mapper.Map(key, history));
                    }
                }

                token = response.Value.Text("nextPageToken");
                if (token is null)
                {
                    break;
                }

                if (!seenTokens.Add(token))
                {
                    throw new ApiCallException(JiraClient.Source, "POST /rest/api/3/changelog/bulkfetch", null, $"the server repeated nextPageToken '{token}'; stopped rather than loop");
                }
            }
        }

        return result;
    }
}
