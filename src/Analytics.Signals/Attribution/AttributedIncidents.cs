using Analytics.Signals.Dora;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Attribution;

/// <summary>
/// The incidents a request's <c>dora.change_failure_rate</c> and <c>dora.recovery_time</c> need, each with the deployment
/// <see cref="IncidentAttribution"/> blames, read by period instead of every deployment whatever the period:
/// <list type="bullet">
/// <item>the incidents (a few thousand a year; a columnar read of four columns, in key order) that name a deployment the
/// failure rate counts, that started within the look-back window after one went live, or that were resolved in the
/// request's windows;</item>
/// <item>the deployments those incidents name, by id (<c>WhereIn</c>, <see cref="ChunkSize"/> ids a query, every source);</item>
/// <item>the deployments that went live where their look-back windows reach: those of the period read
/// (<see cref="ProductionDeployments.OfPeriodAsync"/>), plus reads of what was created before it, after it, or long
/// before and finished late.</item>
/// </list>
/// Every incident kept is attributed exactly as over all deployments, and every incident left out could neither blame a
/// counted deployment nor be observed in a window, so the signals' values are those of the whole-history read.
/// </summary>
internal sealed class AttributedIncidents
{
    /// <summary>
    /// How many deployment ids one query names, looked up through <c>ix_deployments_source_id</c> (migration 15: the key
    /// starts with the source, which an incident does not give); far below either database's parameter limit (32,766
    /// for SQLite, 65,535 for PostgreSQL).
    /// </summary>
    public const int ChunkSize = 5000;

    private static readonly string[] IncidentColumns = ["service", "created_at", "resolved_at", "deployment_id"];

    private AttributedIncidents(DeploymentSet deployments, IReadOnlyList<(IncidentRow Incident, int Cause)> incidents)
    {
        Deployments = deployments;
        Incidents = incidents;
    }

    /// <summary>The deployments the causes index.</summary>
    public DeploymentSet Deployments { get; }

    /// <summary>The incidents kept, in the store's key order, each with its cause's index in <see cref="Deployments"/> (or -1).</summary>
    public IReadOnlyList<(IncidentRow Incident, int Cause)> Incidents { get; }

    /// <summary>Reads and attributes them once per request (<see cref="SignalRequest.OncePerRequestAsync"/>).</summary>
    public static Task<AttributedIncidents> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(AttributedIncidents), ct => ReadAsync(request, ct), cancellationToken);

    /// <summary>The start of the production deployments <c>dora.change_failure_rate</c> counts.</summary>
    public static DateTimeOffset CountedSince(SignalRequest request) => request.From.AddDays(-7);

    private static async Task<AttributedIncidents> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var window = request.AttributionWindow;
        var counted = await ProductionDeployments.LoadAsync(request, CountedSince(request), cancellationToken);
        var countedIds = counted.Select(d => d.SourceId).ToHashSet(StringComparer.Ordinal);
        var (firstCounted, lastCounted) = counted.Count == 0 ? (DateTimeOffset.MaxValue, DateTimeOffset.MinValue) : (counted[0].At, counted[^1].At);
        var (windowsStart, windowsEnd) = WindowedValues.Span(request);

        // The incidents that matter: one naming a counted deployment, one whose look-back window may hold a counted
        // deployment (started from the first counted one's going live to the window after the last), one resolved
        // where recovery is observed.
        var incidents = new List<IncidentRow>();
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.Incidents, IncidentColumns, StoreQuery.All, cancellationToken))
        {
            var strings = batch.Strings;
            var services = batch.Codes(0);
            var created = batch.Ticks(1);
            var resolved = batch.Ticks(2);
            var named = batch.Codes(3);
            for (var row = 0; row < batch.Count; row++)
            {
                var incident = new IncidentRow(
                    strings[services[row]],
                    new DateTimeOffset(created[row], TimeSpan.Zero),
                    batch.IsNull(2, row) ? null : new DateTimeOffset(resolved[row], TimeSpan.Zero),
                    strings.OrNull(named[row]));
                var forFailures = incident.DeploymentId is { } id
                    ? countedIds.Contains(id)
                    : incident.CreatedAt >= firstCounted && incident.CreatedAt - window <= lastCounted;
                var forRecovery = incident.ResolvedAt is { } at && at >= windowsStart && at < windowsEnd;
                if (forFailures || forRecovery)
                {
                    incidents.Add(incident);
                }
            }
        }

        var ids = incidents.Where(i => i.DeploymentId is not null).Select(i => i.DeploymentId!).ToHashSet(StringComparer.Ordinal);
        var windowed = incidents.Where(i => i.DeploymentId is null).Select(i => i.CreatedAt).ToList();
        (DateTimeOffset First, DateTimeOffset Last) live = windowed.Count == 0
            ? (DateTimeOffset.MaxValue, DateTimeOffset.MinValue)
            : (windowed.Min() - window, windowed.Max());
        var deployments = await ReadDeploymentsAsync(request, ids, live, cancellationToken);
        // The whole request's teams: a part of it (the signal cache's) attributes incidents as the whole does.
        var attribution = new IncidentAttribution(deployments, request.WholeTeams ?? request.Teams, request.IsProduction, window, ids, live);
        return new AttributedIncidents(
            deployments,
            [.. incidents.Select(i => (i, attribution.Find(i.DeploymentId, i.Service, i.CreatedAt, out _)))]);
    }

    /// <summary>Every deployment named by <paramref name="ids"/> and every one live in <paramref name="live"/> (both ends included).</summary>
    private static async Task<DeploymentSet> ReadDeploymentsAsync(
        SignalRequest request,
        IReadOnlySet<string> ids,
        (DateTimeOffset First, DateTimeOffset Last) live,
        CancellationToken cancellationToken)
    {
        var set = new DeploymentSet();
        if (live.First <= live.Last)
        {
            bool IsLive(DeploymentRow d) => d.DeployedAt >= live.First && d.DeployedAt <= live.Last;

            // A deployment goes live at or after its creation: those live in the span were created in it, or before it
            // and finished in it. The period read holds those created from its start to the request's end.
            var periodStart = ProductionDeployments.PeriodStart(request);
            set.Add((await ProductionDeployments.OfPeriodAsync(request, cancellationToken)).Rows.Where(IsLive));
            var createdBefore = live.First < periodStart ? live.First : periodStart;
            await set.ReadAsync(request.Store, StoreQuery.All.Before("created_at", createdBefore).Since("finished_at", live.First).InAnyOrder(), IsLive, cancellationToken);
            if (live.First < periodStart)
            {
                await set.ReadAsync(request.Store, StoreQuery.All.Since("created_at", live.First).Before("created_at", periodStart).InAnyOrder(), IsLive, cancellationToken);
            }

            if (live.Last >= request.To)
            {
                // A second past the end: the bound is exclusive and the store keeps microseconds; IsLive trims.
                await set.ReadAsync(request.Store, StoreQuery.All.Since("created_at", request.To).Before("created_at", live.Last.AddSeconds(1)).InAnyOrder(), IsLive, cancellationToken);
            }
        }

        if (ids.Count > 0)
        {
            // Every deployment with a named id, whichever source and whenever: an id may repeat across sources, and the
            // attribution prefers among them. Those already read are not added twice.
            var present = set.Rows.Where(d => ids.Contains(d.SourceId)).Select(d => (d.Source, d.SourceId)).ToHashSet();
            foreach (var chunk in ids.Order(StringComparer.Ordinal).Chunk(ChunkSize))
            {
                await set.ReadAsync(request.Store, StoreQuery.All.WhereIn("source_id", chunk).InAnyOrder(), d => present.Add((d.Source, d.SourceId)), cancellationToken);
            }
        }

        return set;
    }
}
