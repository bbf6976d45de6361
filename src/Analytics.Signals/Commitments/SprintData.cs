using Analytics.Domain.Work;
using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Signals.Tickets;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Commitments;

/// <summary>
/// Replays sprint membership: a ticket is in a sprint from each <see cref="SprintChangeKind.Added"/> change to the next
/// <see cref="SprintChangeKind.Removed"/> one. A ticket whose <see cref="Ticket.Sprint"/> names the sprint but has no
/// change for it was created in it (Jira records no change then) and counts from its creation. Tickets count for the team
/// of their assignee and are resolved when their status history says so, as in <c>tickets.*</c>; a sprint belongs to the
/// team most of its tickets (those in it at some moment from its start to its end) count for. Rules in
/// <c>docs/signals/commitment.md</c>.
/// </summary>
internal static class SprintData
{
    /// <summary>
    /// The sprints that started and ended (by <paramref name="asOf"/>): the outcomes of those that ended in the request's
    /// windows, by end, and the teams any of them belongs to; read once per request
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>). Only the tickets of the sprints ending in the windows are traced
    /// through their transitions; a sprint's team needs only its tickets' assignees.
    /// </summary>
    public static Task<Loaded> LoadAsync(SignalRequest request, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync((nameof(SprintData), asOf), ct => ReadAsync(request, asOf, ct), cancellationToken);

    private static async Task<Loaded> ReadAsync(SignalRequest request, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var sprints = new List<Sprint>();
        await foreach (var sprint in request.Store.ReadAsync(Entities.Sprints, null, cancellationToken))
        {
            sprints.Add(sprint);
        }

        if (sprints.Count == 0)
        {
            return new Loaded([], new HashSet<string>(StringComparer.Ordinal));
        }

        var tickets = await TicketData.TeamTicketsAsync(request, cancellationToken);
        var changes = new Dictionary<(string Source, string SprintId), List<SprintChange>>();
        await foreach (var change in request.Store.ReadAsync(Entities.SprintChanges, null, cancellationToken))
        {
            if (tickets.ContainsKey((change.Source, change.TicketKey)))
            {
                var key = (change.Source, change.SprintId);
                (changes.TryGetValue(key, out var list) ? list : changes[key] = []).Add(change);
            }
        }

        // The tickets whose current sprint each sprint's name is, in the order of `tickets`: looked up per sprint instead of
        // every ticket scanned for every sprint.
        var bySprint = new Dictionary<(string Source, string Sprint), List<(string Source, string Key)>>();
        foreach (var (key, (ticket, _)) in tickets)
        {
            if (ticket.Sprint is { } name)
            {
                (bySprint.TryGetValue((ticket.Source, name), out var list) ? list : bySprint[(ticket.Source, name)] = []).Add(key);
            }
        }

        var (windowsStart, windowsEnd) = WindowedValues.Span(request);
        var teamOrder = request.Teams.ToList();
        var teams = new HashSet<string>(StringComparer.Ordinal);
        var ended = new List<(Sprint Sprint, Team Team, DateTimeOffset Start, DateTimeOffset End, List<((string Source, string Key) Key, List<(DateTimeOffset In, DateTimeOffset Out)> Spans)> Members)>();
        foreach (var sprint in sprints)
        {
            if (sprint.StartAt is not { } start || (sprint.CompletedAt ?? sprint.EndAt) is not { } end || end > asOf)
            {
                continue;
            }

            // Membership intervals per ticket: (entered, left) pairs, left = MaxValue while still in.
            var intervals = new Dictionary<(string Source, string Key), List<(DateTimeOffset In, DateTimeOffset Out)>>();
            foreach (var group in changes.GetValueOrDefault((sprint.Source, sprint.SourceId), []).GroupBy(c => (c.Source, c.TicketKey)))
            {
                var list = new List<(DateTimeOffset, DateTimeOffset)>();
                DateTimeOffset? since = null;
                foreach (var change in group.OrderBy(c => c.At).ThenBy(c => c.Kind))
                {
                    if (change.Kind == SprintChangeKind.Added)
                    {
                        since ??= change.At;
                    }
                    else if (since is { } from)
                    {
                        list.Add((from, change.At));
                        since = null;
                    }
                }

                if (since is { } open)
                {
                    list.Add((open, DateTimeOffset.MaxValue));
                }

                intervals[group.Key] = list;
            }

            foreach (var key in bySprint.GetValueOrDefault((sprint.Source, sprint.Name)) ?? [])
            {
                intervals.TryAdd(key, [(tickets[key].Ticket.CreatedAt, DateTimeOffset.MaxValue)]);
            }

            // Its tickets: those in it at some moment from its start to its end (one moved in after it closed, or
            // created after it closed with its name, is not one of them).
            var members = intervals.Select(i => (i.Key, Spans: i.Value))
                .Where(m => m.Spans.Exists(s => s.In <= end && s.Out > start))
                .ToList();
            var team = members.GroupBy(m => tickets[m.Key].Team.Id).OrderByDescending(g => g.Count()).ThenBy(g => teamOrder.FindIndex(t => t.Id == g.Key)).FirstOrDefault() is { } most
                ? tickets[most.First().Key].Team
                : null;
            if (team is null)
            {
                continue;
            }

            teams.Add(team.Id);
            if (end >= windowsStart && end < windowsEnd)
            {
                ended.Add((sprint, team, start, end, members));
            }
        }

        // The members' lives: from the request's ticket load (every ticket resolved where its signals look), the others
        // (resolved long before, or never) traced by key.
        var blocked = BlockedStatuses.ToSet(null);
        var lives = (await TicketData.LoadAsync(request, blocked, cancellationToken)).ToDictionary(l => (l.Ticket.Source, l.Ticket.Key));
        var missing = ended.SelectMany(e => e.Members.Select(m => m.Key)).Where(k => !lives.ContainsKey(k)).ToHashSet();
        if (missing.Count > 0)
        {
            foreach (var life in await TicketData.TraceAsync(request, missing, blocked, cancellationToken))
            {
                lives[(life.Ticket.Source, life.Ticket.Key)] = life;
            }
        }

        var outcomes = new List<SprintOutcome>();
        foreach (var (sprint, team, start, end, spans) in ended)
        {
            var members = spans.Select(m => (Life: lives[m.Key], m.Spans)).ToList();
            bool InAt(List<(DateTimeOffset In, DateTimeOffset Out)> spans, DateTimeOffset at) => spans.Exists(s => s.In <= at && at < s.Out);
            var committed = members.Where(m => InAt(m.Spans, start)).ToList();
            var atEnd = members.Where(m => InAt(m.Spans, end)).ToList();
            var added = members.Where(m => !InAt(m.Spans, start) && m.Spans.Exists(s => s.In > start && s.In < end)).ToList();
            bool Done((TicketLife Life, List<(DateTimeOffset, DateTimeOffset)> Spans) m) => m.Life.ResolvedAt is { } r && r <= end;

            outcomes.Add(new SprintOutcome(
                sprint,
                team,
                end,
                Sum(committed.Select(m => m.Life)),
                Sum(committed.Where(m => InAt(m.Spans, end) && Done(m)).Select(m => m.Life)),
                Sum(added.Select(m => m.Life)),
                Sum(atEnd.Where(m => !Done(m)).Select(m => m.Life))));
        }

        return new Loaded([.. outcomes.OrderBy(o => o.EndedAt)], teams);
    }

    private static (int Count, double Points) Sum(IEnumerable<TicketLife> lives)
    {
        var list = lives.ToList();
        return (list.Count, list.Sum(l => l.Ticket.StoryPoints ?? 0));
    }

    /// <summary>What one read gives, shared by the request's sprint signals.</summary>
    /// <param name="Outcomes">The outcomes of the sprints that ended in the request's windows, by end.</param>
    /// <param name="Teams">The ids of the teams any finished sprint in the store belongs to, in the period or not.</param>
    internal sealed record Loaded(IReadOnlyList<SprintOutcome> Outcomes, IReadOnlySet<string> Teams);
}
