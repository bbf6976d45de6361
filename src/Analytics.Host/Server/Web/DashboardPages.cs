using System.Globalization;
using System.Text;
using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Host.Scheduling;
using Analytics.Reports.Charts;
using Analytics.Rules.Alerts;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Series;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Host.Server.Web;

/// <summary>The dashboard's HTML pages and their form actions (the same data as <see cref="DashboardApi"/>).</summary>
internal static class DashboardPages
{
    /// <summary>Signals charted on a team page when none is chosen.</summary>
    public static IReadOnlyList<string> HeadlineSignals { get; } =
        ["pr.merged", "pr.cycle_time", "ci.run_duration", "dora.deployment_frequency", "dora.change_failure_rate", "incidents.count"];

    private const int LinesPerChart = 8;

    /// <summary>Maps the pages.</summary>
    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", TeamsPage);
        routes.MapGet("/teams/{id}", TeamPageAsync);
        routes.MapGet("/alerts", (DashboardData data, IAntiforgery antiforgery, HttpContext context, CancellationToken ct) => AlertsPageAsync(data, antiforgery, context, null, null, ct));
        routes.MapPost("/silences", CreateSilenceAsync);
        routes.MapPost("/silences/{id}/expire", async (string id, DashboardData data, CancellationToken ct) =>
            await data.ExpireSilenceAsync(id, ct) ? Results.Redirect("/alerts", permanent: false) : Results.NotFound());
        routes.MapGet("/jobs", JobsPageAsync);
        routes.MapPost("/jobs/{name}/trigger", async (string name, DashboardData data, CancellationToken ct) =>
            await data.TriggerJobAsync(name, ct) ? Results.Redirect("/jobs?triggered=" + Uri.EscapeDataString(name)) : Results.NotFound());
        routes.MapGet("/freshness", FreshnessPageAsync);
        return routes;
    }

    private static IResult TeamsPage(DashboardData data)
    {
        var body = new StringBuilder();
        var teams = data.Teams();
        if (teams.Count == 0)
        {
            body.Append("<p class=\"none\">No teams: declare them in the teams file (docs/configuration.md).</p>");
        }

        body.Append("<table class=\"grid\"><thead><tr><th>team</th><th>members</th><th>repositories</th><th>services</th><th>time zone</th></tr></thead><tbody>");
        foreach (var team in teams)
        {
            body.Append("<tr><td><a href=\"/teams/").Append(Html.E(Uri.EscapeDataString(team.Id))).Append("\">").Append(Html.E(team.Name)).Append("</a></td><td>")
                .Append(string.Join(", ", team.Members.Select(m => Html.E(m.Name)))).Append("</td><td>")
                .Append(string.Join("<br>", team.Repositories.Select(Html.E))).Append("</td><td>")
                .Append(string.Join(", ", team.Services.Select(Html.E))).Append("</td><td>").Append(Html.E(team.TimeZone)).Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        return Html.Page("Teams", "/", body.ToString());
    }

    private static async Task<IResult> TeamPageAsync(string id, string? range, string? signal, DashboardData data, CancellationToken cancellationToken)
    {
        if (data.Team(id) is not { } team)
        {
            return Html.Page("No such team", "/", $"<p class=\"error\">No team has the id '{Html.E(id)}'.</p>", StatusCodes.Status404NotFound);
        }

        var chosenRange = SignalRange.Find(range);
        var chosen = string.IsNullOrEmpty(signal) ? null : SignalCatalog.Find(signal);
        if (chosenRange is null || (!string.IsNullOrEmpty(signal) && chosen is null))
        {
            return Html.Page(team.Name, "/", $"<p class=\"error\">Unknown {(chosenRange is null ? $"range '{Html.E(range)}'" : $"signal '{Html.E(signal)}'")}.</p>", StatusCodes.Status400BadRequest);
        }

        var signals = chosen is null ? HeadlineSignals.Select(n => SignalCatalog.Find(n)!).ToList() : [chosen];
        var views = await data.SignalsAsync(team.Id, signals, chosenRange, cancellationToken);
        var body = new StringBuilder();
        body.Append("<p class=\"period\">Members: ").Append(string.Join(", ", team.Members.Select(m => $"{Html.E(m.Name)} <span class=\"muted\">({Html.E(string.Join(", ", m.Accounts))})</span>")))
            .Append("<br>Repositories: ").Append(Html.E(string.Join(", ", team.Repositories)))
            .Append("<br>Services: ").Append(Html.E(string.Join(", ", team.Services))).Append("</p>");
        body.Append("<form method=\"get\"><label>Range <select name=\"range\">");
        foreach (var r in SignalRange.All)
        {
            body.Append("<option value=\"").Append(r.Name).Append('"').Append(r == chosenRange ? " selected" : "").Append('>')
                .Append(r.Name).Append(" by ").Append(r.Granularity.ToString().ToLowerInvariant()).Append("</option>");
        }

        body.Append("</select></label> <label>Signal <select name=\"signal\"><option value=\"\">headline signals</option>");
        foreach (var s in SignalCatalog.All)
        {
            body.Append("<option value=\"").Append(Html.E(s.Name)).Append('"').Append(s == chosen ? " selected" : "").Append('>').Append(Html.E(s.Name)).Append("</option>");
        }

        body.Append("</select></label> <button type=\"submit\">Show</button></form>");
        foreach (var view in views)
        {
            body.Append("<h2>").Append(Html.E(view.Signal)).Append("</h2><figure>");
            var withData = view.Series.Where(s => s.Points.Any(p => p.Value is not null)).ToList();
            if (withData.Count == 0)
            {
                body.Append("<p class=\"none\">No data in this range.</p>");
            }
            else
            {
                body.Append(SvgChartRenderer.Render(Chart(view, withData), new ChartSize(960, 300)));
            }

            body.Append("<figcaption>").Append(Html.E(view.Description));
            if (withData.Count > LinesPerChart)
            {
                body.Append(CultureInfo.InvariantCulture, $" ({withData.Count - LinesPerChart} more series in /api/signals/{Html.E(view.Signal)})");
            }

            body.Append("</figcaption></figure>");
        }

        return Html.Page(team.Name, "/", body.ToString());
    }

    private static TimeSeriesChart Chart(SignalView view, List<SeriesView> series)
    {
        var lines = series.Take(LinesPerChart).Select(s =>
        {
            var name = string.Join(" ", s.Labels.Where(l => l.Key != "team").Select(l => l.Value));
            return new TimeSeries(name.Length == 0 ? view.Signal : name, ValueList.From(s.Points.Select(p => new TimePoint(p.Start, p.Value))));
        });
        var format = view.Unit switch { SignalUnit.Seconds => ValueFormat.Duration, SignalUnit.Ratio => ValueFormat.Percentage, _ => ValueFormat.Number };
        return new TimeSeriesChart(view.Signal, $"{view.Signal}: {view.Description}", ValueList.From(lines)) { ValueFormat = format };
    }

    private static async Task<IResult> CreateSilenceAsync(HttpContext context, DashboardData data, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var request = new SilenceRequest(form["matchers"], form["duration"], form["author"], form["reason"]);
        var (_, error) = await data.CreateSilenceAsync(request, context.User.Identity?.Name, cancellationToken);
        return error is null
            ? Results.Redirect("/alerts", permanent: false)
            : await AlertsPageAsync(data, antiforgery, context, error, request, cancellationToken);
    }

    private static async Task<IResult> AlertsPageAsync(DashboardData data, IAntiforgery antiforgery, HttpContext context, string? error, SilenceRequest? entered, CancellationToken cancellationToken)
    {
        var token = Html.AntiforgeryField(antiforgery, context);
        var alerts = await data.AlertsAsync(cancellationToken);
        var body = new StringBuilder();
        body.Append("<h2>Firing and pending alerts</h2>");
        if (alerts.Count == 0)
        {
            body.Append("<p class=\"none\">No alerts are firing or pending.</p>");
        }
        else
        {
            body.Append("<table class=\"grid\" id=\"alerts\"><thead><tr><th>status</th><th>severity</th><th>alert</th><th>labels</th><th>summary</th><th>since</th></tr></thead><tbody>");
            foreach (var alert in alerts)
            {
                var status = alert.Status.ToString().ToLowerInvariant();
                body.Append("<tr data-fingerprint=\"").Append(Html.E(alert.Fingerprint)).Append("\"><td><span class=\"badge ").Append(status).Append("\">").Append(status).Append("</span>");
                if (alert.Silenced)
                {
                    body.Append(" <span class=\"badge silenced\" title=\"").Append(Html.E(string.Join(", ", alert.SilencedBy))).Append("\">silenced</span>");
                }

                body.Append("</td><td class=\"").Append(alert.Severity == AlertSeverity.Critical ? "critical" : "").Append("\">").Append(RuleEvaluator.SeverityName(alert.Severity))
                    .Append("</td><td>").Append(Html.E(alert.Alert)).Append("</td><td>").Append(Html.Labels(alert.Labels, "alertname", "severity"))
                    .Append("</td><td>").Append(Html.E(alert.Annotations.GetValueOrDefault("summary")))
                    .Append("</td><td>").Append(DashboardData.Format(alert.FiredAt ?? alert.ActiveSince)).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("<h2>New silence</h2>");
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(Html.E(error)).Append("</p>");
        }

        body.Append("<form class=\"stack\" method=\"post\" action=\"/silences\">").Append(token)
            .Append("<label for=\"matchers\">Matchers</label><input id=\"matchers\" name=\"matchers\" placeholder='{team=\"payments\", alertname=\"SlowCi\"}' value=\"").Append(Html.E(entered?.Matchers)).Append("\">")
            .Append("<label for=\"duration\">Duration</label><input id=\"duration\" name=\"duration\" placeholder=\"2h, 3d, 1w\" value=\"").Append(Html.E(entered?.Duration ?? "1d")).Append("\">")
            .Append("<label for=\"author\">Author</label><input id=\"author\" name=\"author\" value=\"").Append(Html.E(entered?.Author ?? context.User.Identity?.Name)).Append("\">")
            .Append("<label for=\"reason\">Reason</label><input id=\"reason\" name=\"reason\" value=\"").Append(Html.E(entered?.Reason)).Append("\">")
            .Append("<p><button type=\"submit\">Create silence</button></p></form>");
        body.Append("<h2>Silences</h2>");
        var silences = await data.SilencesAsync(cancellationToken);
        if (silences.Count == 0)
        {
            body.Append("<p class=\"none\">No silences.</p>");
        }
        else
        {
            body.Append("<table class=\"grid\" id=\"silences\"><thead><tr><th>state</th><th>matchers</th><th>from</th><th>until</th><th>author</th><th>reason</th><th></th></tr></thead><tbody>");
            foreach (var silence in silences)
            {
                body.Append("<tr data-silence=\"").Append(Html.E(silence.Id)).Append("\"><td>").Append(silence.State).Append("</td><td><code>").Append(Html.E(silence.Matchers))
                    .Append("</code></td><td>").Append(DashboardData.Format(silence.StartsAt)).Append("</td><td>").Append(DashboardData.Format(silence.EndsAt))
                    .Append("</td><td>").Append(Html.E(silence.Author)).Append("</td><td>").Append(Html.E(silence.Reason)).Append("</td><td>")
                    .Append(silence.State == "expired" ? "" : Html.Button($"/silences/{Uri.EscapeDataString(silence.Id)}/expire", "Expire", token)).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        return Html.Page("Alerts", "/alerts", body.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> JobsPageAsync(DashboardData data, IAntiforgery antiforgery, HttpContext context, string? triggered, CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        if (!data.HasScheduler)
        {
            return Html.Page("Jobs", "/jobs", "<p class=\"none\">No scheduler runs in this process.</p>");
        }

        if (!string.IsNullOrEmpty(triggered))
        {
            body.Append("<p>Asked the scheduler to run <b>").Append(Html.E(triggered)).Append("</b> now.</p>");
        }

        var token = Html.AntiforgeryField(antiforgery, context);
        var jobs = await data.JobsAsync(cancellationToken);
        body.Append("<table class=\"grid\" id=\"jobs\"><thead><tr><th>job</th><th>schedule</th><th>next run</th><th>last run</th><th>outcome</th><th>duration</th><th></th></tr></thead><tbody>");
        foreach (var job in jobs)
        {
            var status = job.Status;
            body.Append("<tr><td>").Append(Html.E(status.Name)).Append("<br><span class=\"muted\">").Append(Html.E(status.Description)).Append("</span></td><td><code>")
                .Append(Html.E(status.Cron)).Append("</code> ").Append(Html.E(status.TimeZone)).Append("</td><td>").Append(DashboardData.Format(status.NextRunAt))
                .Append("</td><td>").Append(DashboardData.Format(status.LastRun?.StartedAt)).Append("</td><td>")
                .Append(status.IsRunning ? "running" : Html.E(status.LastRun?.Outcome.ToString() ?? "never ran")).Append("</td><td>")
                .Append(status.LastRun?.Duration is { } d ? Html.E(Durations.Format(d)) : "–").Append("</td><td>")
                .Append(Html.Button($"/jobs/{Uri.EscapeDataString(status.Name)}/trigger", "Run now", token)).Append("</td></tr>");
        }

        body.Append("</tbody></table><h2>Recent failures</h2>");
        var failures = jobs.SelectMany(j => j.Failures).OrderByDescending(r => r.StartedAt).ToList();
        if (failures.Count == 0)
        {
            body.Append("<p class=\"none\">No recent failures.</p>");
        }
        else
        {
            body.Append("<table class=\"grid\" id=\"failures\"><thead><tr><th>job</th><th>attempt</th><th>started</th><th>node</th><th>outcome</th><th>error</th></tr></thead><tbody>");
            foreach (var run in failures)
            {
                body.Append("<tr><td>").Append(Html.E(run.JobName)).Append("</td><td>").Append(run.Attempt.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(DashboardData.Format(run.StartedAt)).Append("</td><td>").Append(Html.E(run.Node)).Append("</td><td>")
                    .Append(run.Outcome == JobRunOutcome.FailedWillRetry ? $"retry at {DashboardData.Format(run.NextRetryAt)}" : "failed").Append("</td><td><code>")
                    .Append(Html.E(run.Error)).Append("</code></td></tr>");
            }

            body.Append("</tbody></table>");
        }

        return Html.Page("Jobs", "/jobs", body.ToString());
    }

    private static async Task<IResult> FreshnessPageAsync(DashboardData data, CancellationToken cancellationToken)
    {
        var freshness = await data.FreshnessAsync(cancellationToken);
        var body = new StringBuilder("<h2>Newest records</h2><table class=\"grid\" id=\"records\"><thead><tr><th>entity</th><th>newest</th><th>age</th><th>sources</th></tr></thead><tbody>");
        foreach (var record in freshness.Records)
        {
            body.Append("<tr><td>").Append(Html.E(record.Entity)).Append(" <span class=\"muted\">").Append(Html.E(record.Column)).Append("</span></td><td>")
                .Append(DashboardData.Format(record.LatestAt)).Append("</td><td>")
                .Append(record.LatestAt is { } at ? Html.E(Durations.Format(TimeSpan.FromMinutes(Math.Max(0, Math.Floor((freshness.At - at).TotalMinutes))))) : "–")
                .Append("</td><td>").Append(Html.E(string.Join(", ", record.Sources))).Append("</td></tr>");
        }

        body.Append("</tbody></table><h2>Sync cursors</h2>");
        if (freshness.Cursors.Count == 0)
        {
            body.Append("<p class=\"none\">No source has synced yet.</p>");
        }
        else
        {
            body.Append("<table class=\"grid\" id=\"cursors\"><thead><tr><th>source</th><th>scope</th><th>cursor</th></tr></thead><tbody>");
            foreach (var cursor in freshness.Cursors)
            {
                body.Append("<tr><td>").Append(Html.E(cursor.Source)).Append("</td><td>").Append(Html.E(cursor.Scope)).Append("</td><td><code>")
                    .Append(Html.E(cursor.Cursor.Length > 120 ? cursor.Cursor[..120] + "…" : cursor.Cursor)).Append("</code></td></tr>");
            }

            body.Append("</tbody></table>");
        }

        return Html.Page("Data freshness", "/freshness", body.ToString());
    }
}
