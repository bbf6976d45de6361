using System.Globalization;
using System.Net;
using System.Text;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// The quarterly review as one standalone HTML page (inline CSS and SVG, no scripts, no external resources), with the
/// same content as the PDF: scorecard, DORA bands, one section per capability with its checks and trend, risks, and for
/// the organisation the teams' summaries.
/// </summary>
public static class QuarterlyReviewPage
{
    private const string ExtraStyles = """
        .level{display:inline-block;padding:2px 8px;border-radius:4px;color:#fff;font-weight:600;font-size:13px}
        .pass{color:#007a5a}.fail{color:#c24e00}.nodata{color:#8a91a0}.method{display:block;color:#6b7383;font-size:12px}
        .badge{display:inline-block;padding:8px 14px;border-radius:6px;color:#fff;font-size:20px;font-weight:700;margin:8px 12px 8px 0}
        ol.levels{padding-left:20px;color:#3b4350;font-size:14px}
        """;

    /// <summary>The page's HTML.</summary>
    public static string Render(QuarterlyReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var html = new StringBuilder();
        var previous = review.Scorecards[^2];
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(review.Subject.Name)} · operational-maturity review · {review.Quarter}</title>
            <style>{Weekly.Styles.Page}{ExtraStyles}</style>
            </head>
            <body>
            <main>
            <header>
            <p class="kicker">Quarterly operational-maturity review{(review.IsOrganisation ? " · organisation" : "")} · {review.Quarter}</p>
            <h1>{E(review.Subject.Name)}</h1>
            <p class="period">{E(QuarterlyFormat.Dates(review.Window))} ({E(review.Subject.TimeZone)}), with the three quarters before it.</p>
            </header>
            <section aria-labelledby="scorecard">
            <h2 id="scorecard">Scorecard</h2>
            <table class="metrics">
            <thead><tr><th scope="col">Capability</th><th scope="col">{review.Quarter}</th><th scope="col">Last quarter</th>{string.Concat(review.Scorecards.Select(s => $"<th scope=\"col\">{s.Quarter}</th>"))}</tr></thead>
            <tbody>

            """);
        foreach (var score in review.Current.Capabilities)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"#{E(score.Capability.Id)}\">{E(score.Capability.Name)}</a></th><td>{Level(score.Level, score.Partial)}</td><td>{Level(previous.Find(score.Capability.Id)?.Level)}</td>");
            foreach (var card in review.Scorecards)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(card.Find(score.Capability.Id)?.Level is { } l ? ((int)l).ToString(CultureInfo.InvariantCulture) : "<span class=\"none\">–</span>")}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append($"""
            </tbody>
            </table>
            <p class="period">A level is reached when no check at it or below fails and at least one has data; "*" means some checks had no data and were left out.</p>
            </section>
            <section aria-labelledby="dora">
            <h2 id="dora">DORA metrics</h2>
            <p class="period">Bands of the {Signals.Dora.DoraBands.ReportYear} State of DevOps report.</p>
            {DoraTable(review.Current, previous)}
            </section>

            """);

        foreach (var score in review.Current.Capabilities)
        {
            var capability = score.Capability;
            html.Append($"""
                <section aria-labelledby="{E(capability.Id)}">
                <h2 id="{E(capability.Id)}">{E(capability.Name)}</h2>
                <p>{E(capability.Description)}</p>
                <p><span class="badge" style="background:{QuarterlyCharts.Colour(score.Level)}">{E(QuarterlyFormat.Level(score.Level, score.Partial))}</span>{E(score.Level is { } l ? capability.Describe(l) : "None of this capability's checks had data this quarter.")}</p>
                <table class="metrics">
                <thead><tr><th scope="col">Check</th><th scope="col">Value</th>{string.Concat(MaturityLevels.Checked.Select(l => $"<th scope=\"col\">{E(MaturityLevels.Label(l))}</th>"))}</tr></thead>
                <tbody>

                """);
            foreach (var result in score.Checks)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\" title=\"{E(result.Check.Rationale)}\">{E(result.Check.Name)}<span class=\"method\">{E(QuarterlyFormat.Method(result.Check))}</span></th><td class=\"num\">{E(QuarterlyFormat.Value(result.Check, result.Value))}</td>");
                foreach (var level in MaturityLevels.Checked)
                {
                    var outcome = result.Outcomes.FirstOrDefault(o => o.Level == level);
                    html.Append(outcome is null
                        ? "<td><span class=\"none\">–</span></td>"
                        : $"<td>{E(QuarterlyFormat.Threshold(result.Check, level))}<br/><span class=\"{(outcome.Status == CheckStatus.NoData ? "nodata" : QuarterlyFormat.Status(outcome.Status))}\">{QuarterlyFormat.Status(outcome.Status)}</span></td>");
                }

                html.Append("</tr>\n");
            }

            html.Append(CultureInfo.InvariantCulture, $"""
                </tbody>
                </table>
                <table class="metrics">
                <thead><tr><th scope="col">Trend</th>{string.Concat(review.Scorecards.Select(s => $"<th scope=\"col\">{s.Quarter}</th>"))}</tr></thead>
                <tbody>

                """);
            foreach (var result in score.Checks)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(result.Check.Name)}</th>{string.Concat(review.Scorecards.Select(s => $"<td class=\"num\">{E(QuarterlyFormat.Value(result.Check, s.Find(capability.Id)?.Checks.FirstOrDefault(x => x.Check == result.Check)?.Value))}</td>"))}</tr>\n");
            }

            var chart = QuarterlyCharts.LevelTrend(review, capability.Id);
            html.Append($"""
                </tbody>
                </table>
                <figure>
                {SvgChartRenderer.Render(chart, QuarterlyCharts.TrendSize)}
                <figcaption>{E(chart.Description)}</figcaption>
                </figure>
                <ol class="levels">{string.Concat(MaturityLevels.All.Select(l => $"<li>{E(MaturityLevels.Name(l))}: {E(capability.Describe(l))}</li>"))}</ol>
                </section>

                """);
        }

        html.Append("<section aria-labelledby=\"risks\">\n<h2 id=\"risks\">Top risks</h2>\n");
        if (review.Risks.Count == 0)
        {
            html.Append("<p>Nothing firing and no failing check this quarter.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"risks\">\n");
            foreach (var risk in review.Risks)
            {
                html.Append($"<li><span class=\"kind\">{E(risk.Kind)}</span> <strong>{E(risk.Title)}</strong><br/>{E(risk.Evidence)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
        if (review.Teams.Count > 0)
        {
            html.Append("<section aria-labelledby=\"teams\">\n<h2 id=\"teams\">Teams</h2>\n<table class=\"metrics\">\n<thead><tr><th scope=\"col\">Team</th>");
            html.Append(string.Concat(review.Current.Capabilities.Select(c => $"<th scope=\"col\">{E(c.Capability.Name)}</th>")));
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var team in review.Teams)
            {
                html.Append($"<tr><th scope=\"row\">{E(team.Team.Name)}</th>");
                html.Append(string.Concat(review.Current.Capabilities.Select(c => team.Current.Find(c.Capability.Id) is { } s ? $"<td>{Level(s.Level, s.Partial)}</td>" : "<td></td>")));
                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        html.Append($"""
            <footer>Generated {E(review.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} by Analytics. Capabilities, checks and their sources: docs/maturity.md.</footer>
            </main>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string DoraTable(Scorecard current, Scorecard previous)
    {
        var rows = current.Dora.Select((d, i) =>
            $"<tr><th scope=\"row\">{E(d.Check.Name)}</th><td class=\"num\">{E(QuarterlyFormat.Value(d.Check, d.Value))}</td><td>{(d.Band is { } b ? $"<span class=\"level\" style=\"background:{QuarterlyCharts.Colour(DoraThresholds.LevelOf(b))}\">{b.ToString().ToLowerInvariant()}</span>" : "<span class=\"none\">no data</span>")}</td><td class=\"num\">{E(QuarterlyFormat.Value(d.Check, previous.Dora[i].Value))}</td></tr>");
        return "<table class=\"metrics\">\n<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">This quarter</th><th scope=\"col\">Band</th><th scope=\"col\">Last quarter</th></tr></thead>\n<tbody>\n"
            + string.Join("\n", rows) + "\n</tbody>\n</table>";
    }

    private static string Level(MaturityLevel? level, bool partial = false) =>
        level is null
            ? "<span class=\"none\">no data</span>"
            : $"<span class=\"level\" style=\"background:{QuarterlyCharts.Colour(level)}\">{E(QuarterlyFormat.Level(level, partial))}</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
