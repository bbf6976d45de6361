using Analytics.Domain.Work;
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
    /// The outcomes of the sprints that started and ended (by <paramref name="asOf"/>), by end; read once per request
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>).
    /// </summary>
    public static Task<IReadOnlyList<SprintOutcome>> LoadAsync(SignalRequest request, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync((nameof(SprintData), asOf), ct => ReadAsync(request, asOf, ct), cancellationToken);

    private static async Task<IReadOnlyList<SprintOutcome>> ReadAsync(SignalRequest request, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var sprints = new List<Sprint>();
        await foreach (var sprint in request.Store.ReadAsync(Entities.Sprints, null, cancellationToken))
        {
            sprints.Add(sprint);
        }

        if (sprints.Count == 0)
        {
            return [];
        }

        var lives = (await TicketData.LoadAsync(request, BlockedStatuses.ToSet(null), cancellationToken))
            .ToDictionary(l => (l.Ticket.Source, l.Ticket.Key));
        var changes = new Dictionary<(string Source, string SprintId), List<SprintChange>>();
        await foreach (var change in request.Store.ReadAsync(Entities.SprintChanges, null, cancellationToken))
        {
            if (lives.ContainsKey((change.Source, change.TicketKey)))
            {
                var key = (change.Source, change.SprintId);
                (changes.TryGetValue(key, out var list) ? list : changes[key] = []).Add(change);
            }
        }

        // The tickets whose current sprint each sprint's name is, in the order of `lives`: looked up per sprint instead of
        // every ticket scanned for every sprint.
        var bySprint = new Dictionary<(string Source, string Sprint), List<TicketLife>>();
        foreach (var life in lives.Values)
        {
            if (life.Ticket.Sprint is { } name)
            {
                (bySprint.TryGetValue((life.Ticket.Source, name), out var list) ? list : bySprint[(life.Ticket.Source, name)] = []).Add(life);
            }
        }

        var teamOrder = request.Teams.ToList();
        var outcomes = new List<SprintOutcome>();
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

            foreach (var life in bySprint.GetValueOrDefault((sprint.Source, sprint.Name)) ?? [])
            {
                if (!intervals.ContainsKey((life.Ticket.Source, life.Ticket.Key)))
                {
                    intervals[(life.Ticket.Source, life.Ticket.Key)] = [(life.Ticket.CreatedAt, DateTimeOffset.MaxValue)];
                }
            }

            // Its tickets: those in it at some moment from its start to its end (one moved in after it closed, or
            // created after it closed with its name, is not one of them).
            var members = intervals.Select(i => (Life: lives[i.Key], Spans: i.Value))
                .Where(m => m.Spans.Exists(s => s.In <= end && s.Out > start))
                .ToList();
            var team = members.GroupBy(m => m.Life.Team.Id).OrderByDescending(g => g.Count()).ThenBy(g => teamOrder.FindIndex(t => t.Id == g.Key)).FirstOrDefault()?.First().Life.Team;
            if (team is null)
            {
                continue;
            }

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

        return outcomes.OrderBy(o => o.EndedAt).ToList();
    }

    private static (int Count, double Points) Sum(IEnumerable<TicketLife> lives)
    {
        var list = lives.ToList();
        return (list.Count, list.Sum(l => l.Ticket.StoryPoints ?? 0));
    }
}
