using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Domain.Work;
using Analytics.Storage;

namespace Analytics.Collectors.Jira;

/// <summary>Jira Server / Data Center: REST v2 search with offset paging and inline changelogs.</summary>
public sealed partial class JiraSync
{
    private const string DataCenterSearch = "POST /rest/api/2/search";

    /// <summary>
    /// Pages <c>POST /rest/api/2/search</c> by <c>startAt</c> until <c>total</c> is reached, reading each issue's changelog
    /// from <c>expand=changelog</c>. Data Center returns the whole history there; should an issue's <c>changelog.total</c>
    /// exceed the histories sent (a proxy, a plugin or a future version capping it), that issue is read again alone
    /// through <c>GET /rest/api/2/issue/{key}?expand=changelog</c>, and a history still short stops the scope rather
    /// than store part of it.
    /// </summary>
    private async Task<(Dictionary<string, (Ticket Ticket, JsonElement Issue)> Tickets, Dictionary<string, List<TicketTransition>> Transitions)> ReadDataCenterAsync(
        string scope, string search, JiraIssueMapper issueMapper, JiraChangelogMapper changelogMapper, List<RawPayload> payloads, CancellationToken cancellationToken)
    {
        var tickets = new Dictionary<string, (Ticket Ticket, JsonElement Issue)>(StringComparer.Ordinal);
        var transitions = new Dictionary<string, List<TicketTransition>>(StringComparer.Ordinal);
        var startAt = 0;
        for (var page = 0; ; page++)
        {
            if (page >= options.MaxPages)
            {
                throw new ApiCallException(JiraClient.Source, DataCenterSearch, null, $"{scope}: more than {options.MaxPages} pages; stopped");
            }

            var response = await client.SearchFromAsync(search, issueMapper.Fields, startAt, options.PageSize, cancellationToken);
            payloads.Add(new RawPayload(JiraClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
            var issues = response.Value.Items("issues").ToList();
            foreach (var issue in issues)
            {
                var ticket = issueMapper.MapTicket(issue);
                tickets[ticket.Key] = (ticket, issue);
                transitions[ticket.Key] = await ReadInlineChangelogAsync(ticket.Key, issue, changelogMapper, payloads, cancellationToken);
            }

            var total = response.Value.Get("total").AsNumber()
                ?? throw new SourceDataException($"{scope}: {DataCenterSearch} answered without 'total' at startAt {startAt.ToString(CultureInfo.InvariantCulture)}");
            startAt += issues.Count;
            if (startAt >= total)
            {
                break;
            }

            if (issues.Count == 0)
            {
                throw new ApiCallException(JiraClient.Source, DataCenterSearch, null,
                    $"{scope}: an empty page at startAt {startAt.ToString(CultureInfo.InvariantCulture)} of {total.ToString(CultureInfo.InvariantCulture)}; stopped rather than loop");
            }
        }

        return (tickets, transitions);
    }

    private async Task<List<TicketTransition>> ReadInlineChangelogAsync(
        string key, JsonElement issue, JiraChangelogMapper mapper, List<RawPayload> payloads, CancellationToken cancellationToken)
    {
        var changelog = issue.Get("changelog");
        if (changelog.ValueKind != JsonValueKind.Object)
        {
            throw new SourceDataException($"{key}: the search answer has no changelog (expand=changelog was sent; is a proxy stripping it?)");
        }

        if (IsShort(changelog))
        {
            var response = await client.IssueWithChangelogAsync(key, cancellationToken);
            payloads.Add(new RawPayload(JiraClient.Source, response.RequestKey, time.GetUtcNow(), "application/json", response.Body));
            changelog = response.Value.Get("changelog");
            if (IsShort(changelog))
            {
                throw new SourceDataException(
                    $"{key}: the changelog holds {changelog.Items("histories").Count().ToString(CultureInfo.InvariantCulture)} of {changelog.Get("total").AsText()} histories even when the issue is read alone; stopped rather than store part of its status history");
            }
        }

        return changelog.Items("histories").SelectMany(h => mapper.Map(key, h)).ToList();
    }

    private static bool IsShort(JsonElement changelog) =>
        changelog.Get("total").AsNumber() is { } total && changelog.Items("histories").Count() < total;
}
