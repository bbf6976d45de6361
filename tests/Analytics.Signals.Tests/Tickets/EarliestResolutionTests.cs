using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Tickets;

namespace Analytics.Signals.Tests.Tickets;

/// <summary>
/// <see cref="TicketHistory.EarliestResolution"/>: how far back a change to a ticket's history at some instant can move
/// its resolution (the start of its final run of Done statuses, docs/signals/tickets.md). Days count from Monday
/// 2 November 2026; the change is on day 20. Expected values by hand, and checked against <see cref="TicketHistory.Trace"/>
/// for every short history.
/// </summary>
public sealed class EarliestResolutionTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;
    private static readonly DateTimeOffset Change = Mon.AddDays(20);

    [Fact]
    public void EarliestResolution_DoneBeforeTheChange_IsTheStartOfThatDoneRun()
    {
        // In Progress day 1, Done day 2, Closed (Done) day 3: resolved on day 2 before the change, which can only keep
        // or undo that (a reopening), or resolve it later.
        TicketHistory.EarliestResolution(
            [Move("1", 1, StatusCategory.ToDo, StatusCategory.InProgress), Move("3", 3, StatusCategory.Done, StatusCategory.Done),
                Move("2", 2, StatusCategory.InProgress, StatusCategory.Done)],
            Change).Should().Be(Mon.AddDays(2));
    }

    [Fact]
    public void EarliestResolution_NotDoneBeforeTheChange_IsTheChange()
    {
        // Done on day 2, reopened on day 3: whatever resolution it gets starts at the change or later.
        TicketHistory.EarliestResolution(
            [Move("1", 2, StatusCategory.InProgress, StatusCategory.Done), Move("2", 3, StatusCategory.Done, StatusCategory.InProgress)],
            Change).Should().Be(Change);
    }

    [Fact]
    public void EarliestResolution_NothingBeforeTheChange_IsUnknown()
    {
        // Without history the ticket's record said where it was resolved.
        TicketHistory.EarliestResolution([], Change).Should().BeNull();
    }

    [Fact]
    public void EarliestResolution_ADoneRunFromTheTicketsCreation_IsUnknown()
    {
        // The first change left a Done status: the ticket was created done, and its resolution can be its creation.
        TicketHistory.EarliestResolution([Move("1", 2, StatusCategory.Done, StatusCategory.Done)], Change).Should().BeNull();
    }

    [Fact]
    public void EarliestResolution_EveryShortHistory_BoundsTheResolutionBeforeAndAfterTheChange()
    {
        // Histories of up to three transitions on days 1–3 before the change, with one more transition on day 20 (any
        // category) or none: the resolution before and after, where there is one, is never earlier than the bound.
        var categories = new[] { StatusCategory.ToDo, StatusCategory.InProgress, StatusCategory.Done };
        var checkedCases = 0;
        foreach (var history in Histories(categories, 3))
        {
            var bound = TicketHistory.EarliestResolution(history, Change);
            foreach (var added in categories)
            {
                var changed = history.Append(Move("9", 20, history.Count > 0 ? history[^1].ToCategory : StatusCategory.ToDo, added)).ToList();
                foreach (var version in new[] { history, changed })
                {
                    if (Trace(version).ResolvedAt is { } resolved && bound is { } earliest)
                    {
                        resolved.Should().BeOnOrAfter(earliest, string.Join(" → ", version.Select(t => t.ToCategory)));
                        checkedCases++;
                    }
                }
            }
        }

        checkedCases.Should().BeGreaterThan(20);
    }

    private static IEnumerable<List<TicketTransition>> Histories(StatusCategory[] categories, int length)
    {
        yield return [];
        if (length == 0)
        {
            yield break;
        }

        foreach (var shorter in Histories(categories, length - 1).Where(h => h.Count == length - 1))
        {
            foreach (var category in categories)
            {
                var from = shorter.Count > 0 ? shorter[^1].ToCategory : StatusCategory.ToDo;
                yield return [.. shorter, Move((shorter.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), shorter.Count + 1, from, category)];
            }
        }
    }

    private static TicketLife Trace(IReadOnlyList<TicketTransition> transitions)
    {
        var ticket = new Ticket("jira", "PAY-1", "PAY", "Story", "PAY-1", "Done", StatusCategory.Done, Mon.AddDays(-30), Mon, null, null, null,
            "jira-alice", null, null, null, ValueList<string>.Empty);
        var team = new Team("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList<string>.Empty, ValueList<string>.Empty, null);
        return TicketHistory.Trace(ticket, team, transitions, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
    }

    private static TicketTransition Move(string id, int day, StatusCategory from, StatusCategory to) =>
        new("jira", "PAY-1", id, Mon.AddDays(day), from.ToString(), to.ToString(), from, to, null);
}
