using Analytics.Domain.Work;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tickets;

/// <summary>
/// Every stored ticket, in store order, read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>): the
/// ticket signals trace their teams' tickets from it and the work mix finds the tickets pull requests mention in it,
/// so the table is read once for both. Read as columns and built from them (<see cref="ColumnBatch.Value"/>): the
/// same records as a record read, for about a third of its time (the columnar read decodes a repeated string once).
/// </summary>
internal static class StoredTickets
{
    // Every column, in the map's order, so a row's values are a record read's.
    private static readonly string[] Columns = [.. Entities.Tickets.Columns.Select(c => c.Name)];

    /// <summary>The store's tickets, in store order.</summary>
    public static Task<IReadOnlyList<Ticket>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(StoredTickets), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<Ticket>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var map = Entities.Tickets;
        var tickets = new List<Ticket>();
        await foreach (var batch in request.Store.ReadColumnsAsync(map, Columns, null, cancellationToken))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                var values = new object?[Columns.Length];
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = batch.Value(c, row);
                }

                tickets.Add(map.Create(new Row(map, values)));
            }
        }

        return tickets;
    }
}
