using Analytics.Domain.People;
using Analytics.Signals.Membership;
using Analytics.Signals.OnCall;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;
using Analytics.Signals.Incidents;

namespace Analytics.Signals.Interruptions;

/// <summary>
/// Interruptions per team and person, window by window: pages (as <c>oncall.pages</c> counts them), incidents of the
/// team's services, and unplanned tickets created in the window and assigned to a member (a ticket belongs to its
/// assignee's team, as in the <c>tickets.*</c> signals).
/// </summary>
internal sealed record Interruptions(
    IReadOnlyDictionary<string, SortedDictionary<string, WindowedValues>> Pages,
    IReadOnlyDictionary<string, WindowedValues> Incidents,
    IReadOnlyDictionary<string, SortedDictionary<string, WindowedValues>> UnplannedTickets)
{
    /// <summary>
    /// The request's interruptions under <paramref name="options"/>; computed once per request and options
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>: <c>interruptions.count</c> and <c>interruptions.load</c> share it).
    /// </summary>
    public static Task<Interruptions> ComputeAsync(SignalRequest request, InterruptionOptions options, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync((nameof(Interruptions), options), ct => ComputeOnceAsync(request, options, ct), cancellationToken);

    private static readonly string[] TicketColumns = ["source", "type", "labels", "assignee", "created_at"];

    private static async Task<Interruptions> ComputeOnceAsync(SignalRequest request, InterruptionOptions options, CancellationToken cancellationToken)
    {
        var pages = await OnCall.Pages.ComputeAsync(request, (_, _, _) => true, cancellationToken);

        var incidents = WindowedValues.PerTeam(request);
        foreach (var incident in await StoredIncidents.LoadAsync(request, cancellationToken))
        {
            if (request.TeamOfService(incident.Service) is { } team)
            {
                incidents[team.Id].Add(incident.CreatedAt, 1);
            }
        }

        var membership = new TeamMembership(request);
        var tickets = request.Teams.ToDictionary(
            t => t.Id,
            t => new SortedDictionary<string, WindowedValues>(membership.MembersOf(t).ToDictionary(m => m, _ => WindowedValues.ForTeam(request, t)), StringComparer.Ordinal));
        // A columnar read of the five fields used (no ticket record); counts do not depend on the order.
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.Tickets, TicketColumns, StoreQuery.All.InAnyOrder(), cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(0);
            var types = batch.Codes(1);
            var labels = batch.Codes(2);
            var assignees = batch.Codes(3);
            var createdAt = batch.Ticks(4);
            for (var row = 0; row < batch.Count; row++)
            {
                var source = strings[sources[row]];
                var assignee = assignees[row] == StringTable.Null ? null : strings[assignees[row]];
                if (options.IsUnplanned(strings[types[row]], batch.Lists[labels[row]]) && membership.TeamOf(source, assignee) is { } team)
                {
                    var person = membership.PersonOf(source, assignee!).Key;
                    var perPerson = tickets[team.Id];
                    if (!perPerson.TryGetValue(person, out var values))
                    {
                        perPerson[person] = values = WindowedValues.ForTeam(request, team);
                    }

                    values.Add(new DateTimeOffset(createdAt[row], TimeSpan.Zero), 1);
                }
            }
        }

        return new Interruptions(pages, incidents, tickets);
    }

    /// <summary>A team's windows.</summary>
    public IReadOnlyList<TimeWindow> WindowsOf(Team team) => Incidents[team.Id].Windows;
}
