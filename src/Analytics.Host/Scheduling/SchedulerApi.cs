using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Host.Scheduling;

/// <summary>
/// The scheduler's JSON endpoints under <c>/api/scheduler</c>: the jobs with their next and last runs, a job's history,
/// and trigger-now. Trigger-now writes, so it is mapped only while the server listens on loopback addresses alone and
/// answers loopback clients only; other bindings go through the authenticated web API.
/// </summary>
internal static class SchedulerApi
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="endpoints">The application.</param>
    public static IEndpointRouteBuilder MapSchedulerApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/scheduler/jobs");
        group.MapGet("/", async (IJobDashboard dashboard, CancellationToken cancellationToken) =>
            TypedResults.Ok(await dashboard.ListAsync(cancellationToken)));
        group.MapGet("/{name}/runs", async Task<Results<Ok<IReadOnlyList<JobRun>>, ProblemHttpResult>> (string name, int? limit, IJobDashboard dashboard, CancellationToken cancellationToken) =>
        {
            try
            {
                return TypedResults.Ok(await dashboard.HistoryAsync(name, Math.Clamp(limit ?? 50, 1, 1000), cancellationToken));
            }
            catch (KeyNotFoundException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
            }
        });
        return endpoints;
    }
}
