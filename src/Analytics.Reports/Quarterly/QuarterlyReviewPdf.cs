using System.Globalization;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// The quarterly review as a multi-page PDF without a browser: each page is drawn as SVG (text, tables and the chart
/// layer's charts) and the pages are written through cairo (<see cref="SvgRasterizer.ToMultiPagePdf"/>). Pages: a cover
/// and summary page, one page per capability, the risks page, and for the organisation one page per team.
/// </summary>
public static class QuarterlyReviewPdf
{
    /// <summary>The number of pages <paramref name="review"/> gets: 1 + capabilities + 1 (+ teams for the organisation).</summary>
    public static int PageCount(QuarterlyReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return 2 + review.Current.Capabilities.Count + review.Teams.Count;
    }

    /// <summary>The pages as standalone SVG documents (A4, 794 × 1123 px), in order.</summary>
    public static IReadOnlyList<string> Pages(QuarterlyReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var total = PageCount(review);
        var footer = $"{review.Subject.Name} · operational-maturity review {review.Quarter} · generated {review.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} by Analytics";
        var pages = new List<string> { Cover(review).Finish(footer, 1, total) };
        foreach (var score in review.Current.Capabilities)
        {
            pages.Add(CapabilityPage(review, score).Finish(footer, pages.Count + 1, total));
        }

        pages.Add(RisksPage(review).Finish(footer, pages.Count + 1, total));
        foreach (var team in review.Teams)
        {
            pages.Add(TeamPage(review, team).Finish(footer, pages.Count + 1, total));
        }

        return pages;
    }

    /// <summary>Renders the PDF.</summary>
    /// <exception cref="SvgRasterizationException">librsvg or cairo is missing or failed.</exception>
    public static byte[] Render(QuarterlyReview review) => SvgRasterizer.ToMultiPagePdf(Pages(review));

    private static PageCanvas Header(QuarterlyReview review, string heading)
    {
        var page = new PageCanvas($"{review.Subject.Name} · {heading} · {review.Quarter}");
        page.Kicker($"Operational-maturity review · {review.Quarter} · {review.Subject.Name}");
        page.Heading(heading);
        return page;
    }

    private static PageCanvas Cover(QuarterlyReview review)
    {
        var page = new PageCanvas($"{review.Subject.Name} · operational-maturity review {review.Quarter}");
        page.Kicker($"Quarterly operational-maturity review{(review.IsOrganisation ? " · organisation" : "")}");
        page.Heading(review.Subject.Name, 30);
        page.Paragraph($"{review.Quarter} · {QuarterlyFormat.Dates(review.Window)} ({review.Subject.TimeZone}), with the three quarters before it.", 12, "#5b6475");
        page.Space(6);
        page.Paragraph(Summary(review), 12.5);

        page.Subheading("Scorecard");
        var scores = review.Current.Capabilities;
        page.Table(
            [0.34, 0.2, 0.2, 0.26],
            ["Capability", $"Level {review.Quarter}", "Last quarter", "Last four quarters"],
            scores.Select(s => (IReadOnlyList<string>)
            [
                s.Capability.Name,
                QuarterlyFormat.Level(s.Level, s.Partial),
                QuarterlyFormat.Level(review.Scorecards[^2].Find(s.Capability.Id)?.Level),
                string.Join(" → ", review.Scorecards.Select(c => c.Find(s.Capability.Id)?.Level is { } l ? ((int)l).ToString(CultureInfo.InvariantCulture) : "–")),
            ]).ToList(),
            (r, c) => c == 1 ? QuarterlyCharts.Colour(scores[r].Level) : null);
        page.Paragraph("A level is reached when no check at it or at a level below fails and at least one of its checks has data. \"*\": judged without the checks that had no data. \"–\": no data.", 9.5, "#6b7383");

        page.Subheading($"DORA metrics (bands of the {Signals.Dora.DoraBands.ReportYear} State of DevOps report)");
        DoraTable(page, review.Current, review.Scorecards[^2]);

        page.Subheading("Contents");
        var number = 2;
        foreach (var score in scores)
        {
            page.Paragraph($"{number++}. {score.Capability.Name}: checks, thresholds and trend", 11);
        }

        page.Paragraph($"{number++}. Top risks", 11);
        if (review.Teams.Count > 0)
        {
            page.Paragraph($"{number}–{number + review.Teams.Count - 1}. Team summaries: {string.Join(", ", review.Teams.Select(t => t.Team.Name))}", 11);
        }

        return page;
    }

    private static void DoraTable(PageCanvas page, Scorecard current, Scorecard previous)
    {
        page.Table(
            [0.36, 0.2, 0.2, 0.24],
            ["Metric", "This quarter", "Band", "Last quarter"],
            current.Dora.Select((d, i) => (IReadOnlyList<string>)
            [
                d.Check.Name,
                QuarterlyFormat.Value(d.Check, d.Value),
                d.Band?.ToString().ToLowerInvariant() ?? "no data",
                QuarterlyFormat.Value(d.Check, previous.Dora[i].Value),
            ]).ToList(),
            (r, c) => c == 2 ? QuarterlyCharts.Colour(current.Dora[r].Band is { } b ? DoraThresholds.LevelOf(b) : null) : null);
    }

    private static PageCanvas CapabilityPage(QuarterlyReview review, CapabilityScore score)
    {
        var capability = score.Capability;
        var page = Header(review, capability.Name);
        page.Paragraph(capability.Description, 12, "#3b4350");
        var before = review.Scorecards[^2].Find(capability.Id);
        var description = score.Level is { } level ? capability.Describe(level) : "None of this capability's checks had data this quarter.";
        page.Badge(QuarterlyFormat.Level(score.Level, score.Partial), $"{description} Last quarter: {QuarterlyFormat.Level(before?.Level)}.", QuarterlyCharts.Colour(score.Level));

        page.Subheading("Checks");
        var checks = score.Checks;
        page.Table(
            [0.37, 0.15, 0.16, 0.16, 0.16],
            ["Check", "Value", "2 · Managed", "3 · Defined", "4 · Optimising"],
            checks.Select(r => (IReadOnlyList<string>)
            [
                $"{r.Check.Name}\n{QuarterlyFormat.Method(r.Check)}",
                QuarterlyFormat.Value(r.Check, r.Value),
                .. Cells(r),
            ]).ToList(),
            (row, column) => column >= 2 ? Status(checks[row], (MaturityLevel)column) : null);

        page.Subheading("Trend of each check");
        page.Table(
            [0.4, 0.15, 0.15, 0.15, 0.15],
            ["Check", .. review.Scorecards.Select(s => s.Quarter.ToString())],
            checks.Select(r => (IReadOnlyList<string>)
            [
                r.Check.Name,
                .. review.Scorecards.Select(s => QuarterlyFormat.Value(r.Check, s.Find(capability.Id)?.Checks.FirstOrDefault(x => x.Check == r.Check)?.Value)),
            ]).ToList());

        page.Chart(SvgChartRenderer.Render(QuarterlyCharts.LevelTrend(review, capability.Id), QuarterlyCharts.TrendSize));

        page.Subheading("What the levels mean");
        foreach (var l in MaturityLevels.All)
        {
            if (!page.Fits(40))
            {
                break;
            }

            page.Paragraph($"{MaturityLevels.Label(l)}: {capability.Describe(l)}", 10.5, l == score.Level ? QuarterlyCharts.Colour(l) : "#3b4350");
        }

        return page;
    }

    private static IEnumerable<string> Cells(CheckResult result) => MaturityLevels.Checked.Select(level =>
    {
        var outcome = result.Outcomes.FirstOrDefault(o => o.Level == level);
        return outcome is null ? "–" : $"{QuarterlyFormat.Threshold(result.Check, level)}\n{QuarterlyFormat.Status(outcome.Status)}";
    });

    private static string? Status(CheckResult result, MaturityLevel level) =>
        result.Outcomes.FirstOrDefault(o => o.Level == level) is { } outcome ? QuarterlyCharts.Colour(outcome.Status) : null;

    private static PageCanvas RisksPage(QuarterlyReview review)
    {
        var page = Header(review, "Top risks");
        page.Paragraph("Alerts still firing at the quarter's end, then the checks that fail at the lowest level, furthest from their threshold first.", 11.5, "#3b4350");
        page.Space(8);
        if (review.Risks.Count == 0)
        {
            page.Paragraph("Nothing firing and no failing check this quarter.", 12);
        }

        foreach (var risk in review.Risks)
        {
            if (!page.Fits(70))
            {
                break;
            }

            page.Paragraph(risk.Kind.ToUpperInvariant(), 9.5, "#a33f00");
            page.Paragraph(risk.Title, 12.5);
            page.Paragraph(risk.Evidence, 11, "#3b4350", maxLines: 4);
            page.Space(6);
        }

        return page;
    }

    private static PageCanvas TeamPage(QuarterlyReview review, TeamSummary summary)
    {
        var page = Header(review, summary.Team.Name);
        page.Paragraph($"Team summary for {summary.Team.Name} ({summary.Team.TimeZone}); the team's own review has its checks and risks.", 11.5, "#3b4350");
        page.Subheading("Scorecard");
        var scores = summary.Current.Capabilities;
        page.Table(
            [0.4, 0.3, 0.3],
            ["Capability", $"Level {review.Quarter}", "Last quarter"],
            scores.Select(s => (IReadOnlyList<string>)
            [
                s.Capability.Name,
                QuarterlyFormat.Level(s.Level, s.Partial),
                QuarterlyFormat.Level(summary.Previous.Find(s.Capability.Id)?.Level),
            ]).ToList(),
            (r, c) => c == 1 ? QuarterlyCharts.Colour(scores[r].Level) : null);
        page.Subheading("DORA metrics");
        DoraTable(page, summary.Current, summary.Previous);
        var failing = scores.SelectMany(s => s.Checks).Where(c => c.FirstFailed == MaturityLevel.Managed).ToList();
        page.Subheading("Below managed");
        page.Paragraph(failing.Count == 0 ? "No check fails at the managed level." : string.Join("; ", failing.Select(f => $"{f.Check.Name} ({QuarterlyFormat.Value(f.Check, f.Value)})")) + ".", 11.5);
        return page;
    }

    private static string Summary(QuarterlyReview review)
    {
        var scores = review.Current.Capabilities;
        var judged = scores.Where(s => s.Level is not null).ToList();
        if (judged.Count == 0)
        {
            return "No capability had data this quarter.";
        }

        var atDefined = judged.Count(s => s.Level >= MaturityLevel.Defined);
        var lowest = judged.MinBy(s => s.Level)!;
        var previous = review.Scorecards[^2];
        var up = judged.Count(s => previous.Find(s.Capability.Id)?.Level is { } p && s.Level > p);
        var down = judged.Count(s => previous.Find(s.Capability.Id)?.Level is { } p && s.Level < p);
        return $"{atDefined} of {scores.Count} capabilities are at defined or above; the lowest is {lowest.Capability.Name} ({QuarterlyFormat.Level(lowest.Level)}). "
            + $"Since last quarter {up} went up and {down} went down. {review.Risks.Count} risk{(review.Risks.Count == 1 ? "" : "s")} listed.";
    }
}
