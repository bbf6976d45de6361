using Analytics.Domain.Code;
using Analytics.Domain.Work;
using Analytics.Signals.Series;
using Analytics.Signals.Tickets;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.WorkMix;

/// <summary>
/// Reads the finished work of the request's teams, typed by each team's <see cref="WorkTypeMapping"/>: tickets resolved
/// (team by assignee, resolution from the status history, as <c>tickets.throughput</c>), their story points, and pull
/// requests merged into the team's repositories, typed by the first ticket their title or branch mentions (else by their
/// own labels through the same mapping, else unclassified).
/// </summary>
internal static class WorkMixData
{
    /// <summary>The request's teams' finished work; read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>).</summary>
    public static Task<IReadOnlyList<WorkItem>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(WorkMixData), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<WorkItem>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();

        // Keys are unique within a source; across sources the first one read wins (a PR names a key, not a source).
        var tickets = new Dictionary<string, Ticket>(StringComparer.Ordinal);
        foreach (var life in await TicketData.LoadAsync(request, BlockedStatuses.ToSet(null), ticket => tickets.TryAdd(ticket.Key, ticket), cancellationToken))
        {
            if (life.ResolvedAt is not { } resolved)
            {
                continue;
            }

            var type = life.Team.WorkTypes.Classify(life.Ticket.Type, life.Ticket.Labels, life.Ticket.Components);
            items.Add(new WorkItem(life.Team, type, WorkMeasure.Tickets, resolved, 1));
            if (life.Ticket.StoryPoints is { } points and > 0)
            {
                items.Add(new WorkItem(life.Team, type, WorkMeasure.Points, resolved, points));
            }
        }

        // Only pull requests merged in the windows count, the trailing-quarter signal's three months before them included
        // (two days more for the time zones).
        var span = RequestSpan.Of(request);
        var mergedInSpan = StoreQuery.All.Since("merged_at", span.Start.AddMonths(-3).AddDays(-2)).Before("merged_at", span.End);
        await foreach (var pull in request.Store.ReadAsync(Entities.PullRequests, mergedInSpan, cancellationToken))
        {
            if (pull.State != PullRequestState.Merged || pull.MergedAt is not { } merged || request.OwnerOf(pull.Repository) is not { } team)
            {
                continue;
            }

            var linked = TicketReferences.In(pull.Title, pull.HeadRef).Select(k => tickets.GetValueOrDefault(k)).FirstOrDefault(t => t is not null);
            var type = linked is not null
                ? team.WorkTypes.Classify(linked.Type, linked.Labels, linked.Components)
                : team.WorkTypes.Classify("", pull.Labels, []);
            items.Add(new WorkItem(team, type, WorkMeasure.PullRequests, merged, 1));
        }

        return items;
    }
}
