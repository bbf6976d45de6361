using Analytics.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Host.Server.Web;

/// <summary>The JSON API: each page's data (<c>docs/api.md</c>), from <see cref="DashboardData"/>.</summary>
internal static class DashboardApi
{
    /// <summary>Maps <c>/api/…</c> (except <c>/api/test-reports</c>, which <see cref="TestReportUploadEndpoint"/> maps).</summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/teams", (DashboardData data) => TypedResults.Ok(data.Teams()));
        api.MapGet("/teams/{id}", Results<Ok<TeamView>, ProblemHttpResult> (string id, DashboardData data) =>
            data.Team(id) is { } team ? TypedResults.Ok(team) : NotFound($"no team has the id '{id}'"));
        api.MapGet("/signals", () => TypedResults.Ok(SignalCatalog.All.Select(s => new { name = s.Name, unit = s.Unit, description = s.Description })));
        api.MapGet("/signals/{name}", SignalAsync);
        api.MapGet("/alerts", async (DashboardData data, CancellationToken ct) => TypedResults.Ok(await data.AlertsAsync(ct)));
        api.MapGet("/silences", async (DashboardData data, CancellationToken ct) => TypedResults.Ok(await data.SilencesAsync(ct)));
        api.MapPost("/silences", CreateSilenceAsync);
        api.MapDelete("/silences/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, DashboardData data, CancellationToken ct) =>
            await data.ExpireSilenceAsync(id, ct) ? TypedResults.NoContent() : NotFound($"no silence has the id '{id}'"));
        api.MapGet("/jobs", async (DashboardData data, CancellationToken ct) => TypedResults.Ok(await data.JobsAsync(ct)));
        api.MapGet("/jobs/{name}/runs", async Task<Results<Ok<IReadOnlyList<Scheduling.JobRun>>, ProblemHttpResult>> (string name, int? limit, DashboardData data, CancellationToken ct) =>
            await data.JobHistoryAsync(name, Math.Clamp(limit ?? 20, 1, 500), ct) is { } runs ? TypedResults.Ok(runs) : NotFound($"no job is named '{name}'"));
        api.MapPost("/jobs/{name}/trigger", async Task<Results<Accepted, ProblemHttpResult>> (string name, DashboardData data, CancellationToken ct) =>
            await data.TriggerJobAsync(name, ct) ? TypedResults.Accepted($"/api/jobs/{Uri.EscapeDataString(name)}/runs") : NotFound($"no job is named '{name}'"));
        api.MapGet("/freshness", async (DashboardData data, CancellationToken ct) => TypedResults.Ok(await data.FreshnessAsync(ct)));
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<SignalView>>, ProblemHttpResult>> SignalAsync(
        string name, string? team, string? range, DashboardData data, CancellationToken cancellationToken)
    {
        if (SignalCatalog.Find(name) is not { } signal)
        {
            return NotFound($"unknown signal '{name}'{Domain.Common.Suggest.DidYouMean(name, SignalCatalog.All.Select(s => s.Name))}");
        }

        if (SignalRange.Find(range) is not { } chosen)
        {
            return BadRequest($"range: '{range}' is not one of {string.Join(", ", SignalRange.All.Select(r => r.Name))}");
        }

        var teams = team is null ? data.Teams() : data.Team(team) is { } one ? [one] : [];
        if (teams.Count == 0)
        {
            return team is null ? BadRequest("no teams are declared") : NotFound($"no team has the id '{team}'");
        }

        var views = new List<SignalView>();
        foreach (var t in teams)
        {
            views.AddRange(await data.SignalsAsync(t.Id, [signal], chosen, cancellationToken));
        }

        // One signal: merge the teams' series under one entry.
        return TypedResults.Ok<IReadOnlyList<SignalView>>([views[0] with { Series = views.SelectMany(v => v.Series).ToList() }]);
    }

    private static async Task<Results<Created<SilenceView>, ProblemHttpResult>> CreateSilenceAsync(SilenceRequest request, HttpContext context, DashboardData data, CancellationToken cancellationToken)
    {
        var (silence, error) = await data.CreateSilenceAsync(request, context.User.Identity?.Name, cancellationToken);
        return silence is not null ? TypedResults.Created($"/api/silences/{Uri.EscapeDataString(silence.Id)}", silence) : BadRequest(error!);
    }

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "not found");

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "invalid request");
}
