using Analytics.Domain.Delivery;
using Analytics.Domain.People;
using Analytics.Signals.Attribution;
using Analytics.Storage;

namespace Analytics.Signals.Dora;

/// <summary>
/// The successful production deployments the DORA signals count: status <c>success</c>, an environment the request
/// calls production, attributed to the team owning the repository (else the team running the service), at the
/// instant they finished (or were created, when the source gives no finish).
/// </summary>
internal static class ProductionDeployments
{
    /// <summary>How far before the period merges and deployments are read, so lead times that end in it are complete.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(60);

    /// <summary>
    /// The slack on <c>created_at</c> before a start: a deployment counts from when it went live, which is at or after
    /// its creation, and the read filters on creation.
    /// </summary>
    private static readonly TimeSpan CreatedSlack = TimeSpan.FromDays(1);

    /// <summary>
    /// Every deployment (all environments and states) created from <see cref="LookBack"/> and a day before the period to
    /// its end, as compact rows in the store's key order; read once per request, for the DORA signals and incident
    /// attribution alike (one columnar read instead of a record read per use).
    /// </summary>
    public static Task<DeploymentSet> OfPeriodAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(
            (nameof(ProductionDeployments), nameof(OfPeriodAsync)),
            ct => ReadAsync(request, StoreQuery.All.Since("created_at", PeriodStart(request)).Before("created_at", request.To), ct),
            cancellationToken);

    /// <summary>The earliest creation <see cref="OfPeriodAsync"/> reads.</summary>
    public static DateTimeOffset PeriodStart(SignalRequest request) => request.From - LookBack - CreatedSlack;

    /// <summary>
    /// The production deployments from <paramref name="since"/> to the end of the request, with their teams and when
    /// they went live, ordered by that instant (ties in the store's key order); made once per request and start
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>) from <see cref="OfPeriodAsync"/>.
    /// </summary>
    public static Task<IReadOnlyList<ProductionDeployment>> LoadAsync(SignalRequest request, DateTimeOffset since, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync((nameof(ProductionDeployments), since), ct => SelectAsync(request, since, ct), cancellationToken);

    private static async Task<DeploymentSet> ReadAsync(SignalRequest request, StoreQuery query, CancellationToken cancellationToken)
    {
        var set = new DeploymentSet();
        await set.ReadAsync(request.Store, query, keep: null, cancellationToken);
        return set;
    }

    private static async Task<IReadOnlyList<ProductionDeployment>> SelectAsync(SignalRequest request, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since - CreatedSlack;
        var deployments = from >= PeriodStart(request)
            ? await OfPeriodAsync(request, cancellationToken)
            : await ReadAsync(request, StoreQuery.All.Since("created_at", from).Before("created_at", request.To), cancellationToken);

        // Each repository's, service's and environment's answer looked up once, not per deployment: a team lookup walks
        // every team's lists and allocates (at scale 1.0, 562 MiB allocated with a lookup per deployment, 347 MiB without).
        var owners = new Dictionary<(string Repository, string? Service), Team?>();
        var production = new Dictionary<string, bool>(StringComparer.Ordinal);
        var result = new List<ProductionDeployment>();
        foreach (var deployment in deployments.Rows)
        {
            if (deployment.CreatedAt < from || deployment.Status != DeploymentStatus.Success
                || !(production.TryGetValue(deployment.Environment, out var isProduction)
                    ? isProduction
                    : production[deployment.Environment] = request.IsProduction(deployment.Environment)))
            {
                continue;
            }

            if (!owners.TryGetValue((deployment.Repository, deployment.Service), out var owner))
            {
                owners[(deployment.Repository, deployment.Service)] = owner = request.TeamOfDeployment(deployment.Repository, deployment.Service);
            }

            if (owner is { } team)
            {
                result.Add(new ProductionDeployment(deployment.Source, deployment.SourceId, deployment.Repository, team, deployment.DeployedAt));
            }
        }

        // A stable sort: ties on the instant keep the store's key order, which "the first deployment after a merge" uses.
        return [.. result.OrderBy(d => d.At)];
    }
}
