using Analytics.Domain.Incidents;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incidents;

/// <summary>
/// Every stored incident, in store order, read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>): the
/// incident, on-call, interruption and off-hours signals each look at every incident (an incident's team is
/// that of its service, wherever it falls), so the table is read once for all of them.
/// </summary>
internal static class StoredIncidents
{
    /// <summary>The store's incidents, in store order.</summary>
    public static Task<IReadOnlyList<Incident>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(StoredIncidents), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<Incident>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var incidents = new List<Incident>();
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, cancellationToken))
        {
            incidents.Add(incident);
        }

        return incidents;
    }
}
