using Analytics.Domain.Work;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tickets;

/// <summary>
/// Every stored ticket, in store order, read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>): the
/// ticket signals trace their teams' tickets from it and the work mix finds the tickets pull requests mention in it,
/// so the table is read once for both.
/// </summary>
internal static class StoredTickets
{
    /// <summary>The store's tickets, in store order.</summary>
    public static Task<IReadOnlyList<Ticket>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(StoredTickets), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<Ticket>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var tickets = new List<Ticket>();
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, cancellationToken))
        {
            tickets.Add(ticket);
        }

        return tickets;
    }
}
