using Analytics.Host.Scheduling;
using Analytics.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace Analytics.Host.Server;

/// <summary>
/// <c>/health</c> (the process answers) and <c>/ready</c> (the store answers at its schema version, whose migrations
/// were applied at start, and the scheduler is running), for load balancers and orchestrators.
/// </summary>
internal static class HealthApi
{
    /// <summary>The readiness report.</summary>
    /// <param name="Ready">Whether every check passed.</param>
    /// <param name="Node">This node's name.</param>
    /// <param name="SchemaVersion">The store's schema version; null when it did not answer.</param>
    /// <param name="Scheduler">The scheduler's state (<c>running</c>, <c>disabled</c>, …).</param>
    /// <param name="Problems">What is not ready.</param>
    internal sealed record Readiness(bool Ready, string Node, int? SchemaVersion, string Scheduler, IReadOnlyList<string> Problems);

    /// <summary>Maps <c>/health</c> and <c>/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => TypedResults.Text("ok")).WithMetadata(Web.SelfAuthenticated.Instance);
        endpoints.MapGet("/ready", async Task<Results<Ok<Readiness>, JsonHttpResult<Readiness>>> (IStore store, ISchedulerFactory factory, SchedulerSettings settings, ServerNode node, CancellationToken cancellationToken) =>
        {
            var problems = new List<string>();
            int? version = null;
            try
            {
                version = await store.GetSchemaVersionAsync(cancellationToken);
            }
            catch (StoreException e)
            {
                problems.Add($"store: {e.Message}");
            }

            var scheduler = await factory.GetScheduler(cancellationToken);
            var state = settings.Enabled ? scheduler.Status.ToString().ToLowerInvariant() : "disabled";
            if (settings.Enabled && scheduler.Status != SchedulerStatus.Running)
            {
                problems.Add($"scheduler: {state}");
            }

            var readiness = new Readiness(problems.Count == 0, node.Name, version, state, problems);
            return problems.Count == 0 ? TypedResults.Ok(readiness) : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
