using Analytics.Collectors.HttpApi;
using System.Text.Json;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Jira;

/// <summary>
/// Maps changelog histories (from the bulk changelog, which is complete, unlike the changelog embedded in search
/// results) to <see cref="TicketTransition"/>s: one per <c>status</c> item. A history holding two status items (rare)
/// gives ids <c>{id}</c> and <c>{id}.2</c>.
/// </summary>
internal sealed class JiraChangelogMapper(JiraStatusMap statuses)
{
    /// <summary>Maps one history of one ticket.</summary>
    /// <exception cref="HttpApi.SourceDataException">A date or a status cannot be read.</exception>
    public IEnumerable<TicketTransition> Map(string ticketKey, JsonElement history)
    {
        var id = history.Text("id") ?? throw new HttpApi.SourceDataException($"{ticketKey}: a changelog history has no id");
        var where = $"{ticketKey}: changelog {id}";
        var at = JiraDate.Read(history.Get("created"), where + " created") ?? throw new HttpApi.SourceDataException($"{where}: no created date");
        var author = JiraIssueMapper.Account(history.Get("author"));
        var n = 0;
        foreach (var item in history.Items("items"))
        {
            if (!string.Equals(item.Text("fieldId") ?? item.Text("field"), "status", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            n++;
            var fromId = item.Text("from");
            var fromName = item.Text("fromString");
            var toId = item.Text("to");
            var toName = item.Text("toString") ?? toId ?? throw new HttpApi.SourceDataException($"{where}: a status item names no target status");
            yield return new TicketTransition(
                JiraClient.Source,
                ticketKey,
                n == 1 ? id : $"{id}.{n}",
                at,
                fromName ?? fromId,
                toName,
                fromId is null && fromName is null ? null : statuses.Require(fromId, fromName, where),
                statuses.Require(toId, toName, where),
                author);
        }
    }
}
