using System.Net;
using System.Text;

namespace Analytics.Reports.Weekly;

/// <summary>An index page linking each team's weekly report.</summary>
public static class ReportIndexPage
{
    /// <summary>The page's HTML; <paramref name="pages"/> pairs each report with its file name relative to the index.</summary>
    public static string Render(string title, IReadOnlyList<(WeeklyReport Report, string File)> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title><style>{Styles.Page}</style></head>
            <body><main>
            <header><p class="kicker">Analytics</p><h1>{WebUtility.HtmlEncode(title)}</h1></header>
            <ul class="teams">

            """);
        foreach (var (report, file) in pages)
        {
            html.Append($"<li><a href=\"{WebUtility.HtmlEncode(file)}\">{WebUtility.HtmlEncode(report.Team.Name)}</a> · week {WebUtility.HtmlEncode(report.Week.ToString())}</li>\n");
        }

        html.Append("</ul>\n</main></body></html>\n");
        return html.ToString();
    }
}
