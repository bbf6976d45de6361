using Analytics.Domain.Code;
using Analytics.Domain.People;
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
    private static readonly string[] PullRequestColumns = ["repository", "state", "merged_at", "title", "head_ref", "labels"];
    private const int Repository = 0;
    private const int State = 1;
    private const int MergedAt = 2;
    private const int Title = 3;
    private const int HeadRef = 4;
    private const int PullRequestLabels = 5;

    /// <summary>The request's teams' finished work; read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>).</summary>
    public static Task<IReadOnlyList<WorkItem>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(WorkMixData), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<WorkItem>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();

        // Keys are unique within a source; across sources the first one read wins (a PR names a key, not a source). The
        // tickets and their lives are the ticket signals' loads of the request, not read again.
        var tickets = new Dictionary<string, Ticket>(StringComparer.Ordinal);
        foreach (var ticket in await StoredTickets.LoadAsync(request, cancellationToken))
        {
            tickets.TryAdd(ticket.Key, ticket);
        }

        foreach (var life in await TicketData.LoadAsync(request, BlockedStatuses.ToSet(null), cancellationToken))
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
        // (two days more for the time zones). A columnar read in the record read's order: only the six fields used, and
        // each repository's owner looked up once.
        var span = RequestSpan.Of(request);
        var mergedInSpan = StoreQuery.All.Since("merged_at", span.Start.AddMonths(-3).AddDays(-2)).Before("merged_at", span.End);
        var owners = new CodeLookup<Team?>(request.OwnerOf);
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.PullRequests, PullRequestColumns, mergedInSpan, cancellationToken))
        {
            var strings = batch.Strings;
            var repositories = batch.Codes(Repository);
            var states = batch.Codes(State);
            var mergedAt = batch.Ticks(MergedAt);
            var titles = batch.Codes(Title);
            var heads = batch.Codes(HeadRef);
            var labels = batch.Codes(PullRequestLabels);
            for (var row = 0; row < batch.Count; row++)
            {
                if (states[row] != (int)PullRequestState.Merged || batch.IsNull(MergedAt, row) || owners.Get(strings, repositories[row]) is not { } team)
                {
                    continue;
                }

                var linked = TicketReferences.In(strings[titles[row]], strings[heads[row]]).Select(k => tickets.GetValueOrDefault(k)).FirstOrDefault(t => t is not null);
                var type = linked is not null
                    ? team.WorkTypes.Classify(linked.Type, linked.Labels, linked.Components)
                    : team.WorkTypes.Classify("", batch.Lists[labels[row]], []);
                items.Add(new WorkItem(team, type, WorkMeasure.PullRequests, new DateTimeOffset(mergedAt[row], TimeSpan.Zero), 1));
            }
        }

        return items;
    }
}
