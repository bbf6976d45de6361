using System.Globalization;
using Analytics.Domain.People;
using Analytics.Domain.Work;

namespace Analytics.Signals.Tickets;

/// <summary>
/// Reads a ticket's life out of its full transition history: the statuses it went through (back and forth, reopened or
/// not), when it was finally resolved, when work first started, and how long it sat in blocked statuses in between.
/// The rules are in <c>docs/signals/tickets.md</c>.
/// </summary>
internal static class TicketHistory
{
    /// <summary>Traces one ticket.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="team">The team it is attributed to.</param>
    /// <param name="transitions">All its transitions, in any order.</param>
    /// <param name="blocked">The status names that count as blocked (case-insensitive set).</param>
    public static TicketLife Trace(Ticket ticket, Team team, IReadOnlyList<TicketTransition> transitions, IReadOnlySet<string> blocked)
    {
        if (transitions.Count == 0)
        {
            // No history: the record's own resolution is all there is; when work started is not known.
            var resolved = ticket.Category == StatusCategory.Done ? ticket.ResolvedAt : null;
            return new TicketLife(ticket, team, resolved, null, TimeSpan.Zero);
        }

        var ordered = transitions.OrderBy(t => t.At).ThenBy(t => t.ChangeId, ChangeIdComparer.Instance).ToList();
        var segments = new List<(DateTimeOffset At, string Status, StatusCategory Category)>();
        if (ordered[0].FromStatus is { } initial)
        {
            // Jira's changelog starts with the first change, not the creation: the ticket sat in the status the first
            // change left from the moment it was created.
            var createdAt = ticket.CreatedAt < ordered[0].At ? ticket.CreatedAt : ordered[0].At;
            segments.Add((createdAt, initial, ordered[0].FromCategory ?? StatusCategory.ToDo));
        }

        segments.AddRange(ordered.Select(t => (t.At, t.ToStatus, t.ToCategory)));

        // Resolution: the start of the final run of Done-category statuses (Done → Closed is one resolution). A ticket
        // whose last status is not Done (never finished, or reopened since) is not resolved.
        if (segments[^1].Category != StatusCategory.Done)
        {
            return new TicketLife(ticket, team, null, null, TimeSpan.Zero);
        }

        var finalRun = segments.Count - 1;
        while (finalRun > 0 && segments[finalRun - 1].Category == StatusCategory.Done)
        {
            finalRun--;
        }

        var resolvedAt = segments[finalRun].At;
        var startIndex = segments.FindIndex(0, finalRun, s => s.Category == StatusCategory.InProgress);
        if (startIndex < 0)
        {
            // Resolved without ever being worked on (a duplicate, "won't do"): throughput only.
            return new TicketLife(ticket, team, resolvedAt, null, TimeSpan.Zero);
        }

        var startedAt = segments[startIndex].At;
        var blockedTime = TimeSpan.Zero;
        for (var i = startIndex; i < finalRun; i++)
        {
            if (blocked.Contains(segments[i].Status.Trim()))
            {
                blockedTime += segments[i + 1].At - segments[i].At;
            }
        }

        return new TicketLife(ticket, team, resolvedAt, startedAt, blockedTime);
    }

    /// <summary>
    /// The earliest instant the ticket's resolution can lie at, as it was before a change to its history at
    /// <paramref name="changedFrom"/> or later (a transition added, or changed where it stands) and as it is after: its
    /// transitions before then, <paramref name="before"/>, are the same in both, so a final run of Done statuses that
    /// starts before the change holds the last of them, and starts no earlier than the run of Done statuses that ends
    /// there (<see cref="Trace"/>'s rule). <paramref name="changedFrom"/> when the last of them is not Done; null when
    /// none precedes the change or the run reaches back to the ticket's creation (its record, or the status it was
    /// created in, decides then).
    /// </summary>
    /// <param name="before">The ticket's transitions before <paramref name="changedFrom"/>, in any order.</param>
    /// <param name="changedFrom">The instant of the earliest changed transition.</param>
    public static DateTimeOffset? EarliestResolution(IReadOnlyList<TicketTransition> before, DateTimeOffset changedFrom)
    {
        if (before.Count == 0)
        {
            return null;
        }

        var ordered = before.OrderBy(t => t.At).ThenBy(t => t.ChangeId, ChangeIdComparer.Instance).ToList();
        if (ordered[^1].ToCategory != StatusCategory.Done)
        {
            return changedFrom;
        }

        var run = ordered.Count - 1;
        while (run > 0 && ordered[run - 1].ToCategory == StatusCategory.Done)
        {
            run--;
        }

        var createdDone = run == 0 && ordered[0].FromStatus is not null && (ordered[0].FromCategory ?? StatusCategory.ToDo) == StatusCategory.Done;
        return createdDone ? null : ordered[run].At;
    }

    /// <summary>
    /// Orders change ids numerically when both are numbers (Jira's are), numbers before other ids, and otherwise (or
    /// when equal as numbers, "7" and "07") ordinally: a total order, so transitions at one instant sort alike whatever
    /// order they were read in (a part of a request reads them in two reads split where the whole's are not).
    /// </summary>
    private sealed class ChangeIdComparer : IComparer<string>
    {
        public static readonly ChangeIdComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var xNumber = long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a);
            var yNumber = long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b);
            if (xNumber != yNumber)
            {
                return xNumber ? -1 : 1;
            }

            return xNumber && a != b ? a.CompareTo(b) : string.CompareOrdinal(x, y);
        }
    }
}
