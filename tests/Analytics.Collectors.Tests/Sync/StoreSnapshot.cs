using Analytics.Domain.Incidents;
using Analytics.Domain.Work;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Tests.Sync;

/// <summary>
/// What a store holds of the ticket and incident sources (every ticket, transition and incident, in the store's key
/// order), to check that a faulty, killed or repeated run leaves the same store as a clean run.
/// </summary>
public sealed record StoreSnapshot(List<Ticket> Tickets, List<TicketTransition> Transitions, List<Incident> Incidents)
{
    /// <summary>Reads the snapshot of <paramref name="store"/>.</summary>
    public static async Task<StoreSnapshot> ReadAsync(IStore store) =>
        new(await ReadAllAsync(store, Entities.Tickets), await ReadAllAsync(store, Entities.TicketTransitions), await ReadAllAsync(store, Entities.Incidents));

    /// <summary>Every record of one entity in <paramref name="store"/>, in the store's key order.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(IStore store, EntityMap<T> map)
        where T : class
    {
        var records = new List<T>();
        await foreach (var record in store.ReadAsync(map, null, default))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Asserts that this snapshot holds the same records, in the same order, as <paramref name="expected"/>.</summary>
    public void ShouldEqual(StoreSnapshot expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Tickets.Should().Equal(expected.Tickets);
        Transitions.Should().Equal(expected.Transitions);
        Incidents.Should().Equal(expected.Incidents);
    }
}
