using Analytics.Domain.Delivery;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Attribution;

/// <summary>
/// Deployments as compact rows (<see cref="DeploymentRow"/>) read column by column (<see cref="IStore.ReadColumnsAsync"/>:
/// eight columns, no record, commit or ref per row), in the order the reads gave them. At scale 1.0 the record read of
/// every deployment cost about 2 s of CPU; the DORA signals and incident attribution now read only the periods and ids
/// they need into one of these.
/// </summary>
internal sealed class DeploymentSet
{
    private static readonly string[] Columns = ["source", "source_id", "repository", "environment", "status", "created_at", "finished_at", "service"];

    private readonly List<DeploymentRow> _rows = [];

    /// <summary>How many rows the set holds.</summary>
    public int Count => _rows.Count;

    /// <summary>Row <paramref name="index"/>, in the order added.</summary>
    public DeploymentRow this[int index] => _rows[index];

    /// <summary>The rows, in the order added.</summary>
    public IReadOnlyList<DeploymentRow> Rows => _rows;

    /// <summary>A set of the given records, in their order.</summary>
    public static DeploymentSet Of(IEnumerable<Deployment> deployments)
    {
        var set = new DeploymentSet();
        set._rows.AddRange(deployments.Select(DeploymentRow.Of));
        return set;
    }

    /// <summary>Adds <paramref name="rows"/>, in their order.</summary>
    public void Add(IEnumerable<DeploymentRow> rows) => _rows.AddRange(rows);

    /// <summary>Adds the rows of <paramref name="store"/>'s deployments that match <paramref name="query"/>, in its order.</summary>
    /// <param name="store">The store.</param>
    /// <param name="query">Which deployments, in which order.</param>
    /// <param name="keep">Which rows to add (all when null): a read that may repeat rows already added leaves them out.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task ReadAsync(IStore store, StoreQuery query, Func<DeploymentRow, bool>? keep, CancellationToken cancellationToken)
    {
        await foreach (var batch in store.ReadColumnsAsync(Entities.Deployments, Columns, query, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(0);
            var ids = batch.Codes(1);
            var repositories = batch.Codes(2);
            var environments = batch.Codes(3);
            var statuses = batch.Codes(4);
            var created = batch.Ticks(5);
            var finished = batch.Ticks(6);
            var services = batch.Codes(7);
            for (var row = 0; row < batch.Count; row++)
            {
                var createdAt = new DateTimeOffset(created[row], TimeSpan.Zero);
                var deployment = new DeploymentRow(
                    strings[sources[row]],
                    strings[ids[row]],
                    strings[repositories[row]],
                    strings[environments[row]],
                    (DeploymentStatus)statuses[row],
                    createdAt,
                    batch.IsNull(6, row) ? createdAt : new DateTimeOffset(finished[row], TimeSpan.Zero),
                    strings.OrNull(services[row]));
                if (keep is null || keep(deployment))
                {
                    _rows.Add(deployment);
                }
            }
        }
    }
}
