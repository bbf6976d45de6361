using System.Net;
using System.Text;
using Analytics.Reports.Weekly;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Analytics.Host.Server.Web;

/// <summary>
/// The dashboard's page frame and small HTML helpers. Pages are plain server-rendered HTML on the reports' stylesheet,
/// with no script: reading works in any browser, and actions are forms that POST with an anti-forgery token.
/// </summary>
internal static class Html
{
    private const string DashboardStyles = """
        main{max-width:1100px}nav{display:flex;gap:16px;padding:10px 24px;background:#1d2330;flex-wrap:wrap}nav a{color:#dfe3ea;text-decoration:none}nav a.on{color:#fff;font-weight:600}
        table.grid{width:100%;border-collapse:collapse;margin:8px 0}table.grid th,table.grid td{padding:5px 8px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top;font-size:14px}
        table.grid thead th{font-size:12px;color:#5b6475}.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;background:#eef0f3}
        .firing{background:#fbe3d6;color:#a33f00}.pending{background:#fff3c4}.silenced{background:#e3e6eb;color:#5b6475}.critical{font-weight:700}
        form.inline{display:inline}form.stack label{display:block;margin:6px 0 2px;font-size:13px;color:#5b6475}form.stack input{width:100%;max-width:480px;padding:4px}
        .error{padding:8px 10px;border-left:4px solid #d55e00;background:#fdf5ef}.labels code{font-size:12px;margin-right:4px}.muted{color:#8a91a0}
        """;

    private static readonly (string Path, string Title)[] Sections =
    [
        ("/", "Teams"), ("/alerts", "Alerts"), ("/jobs", "Jobs"), ("/freshness", "Freshness"),
    ];

    /// <summary>Encodes text for HTML content and attribute values.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A whole page as an HTML result.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="section">The navigation entry to highlight (its path).</param>
    /// <param name="body">The inside of <c>main</c>, already encoded.</param>
    /// <param name="statusCode">The HTTP status (200 unless a form was refused).</param>
    public static IResult Page(string title, string section, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · Analytics</title><style>").Append(Styles.Page).Append(DashboardStyles).Append("</style></head><body><nav>");
        foreach (var (path, name) in Sections)
        {
            html.Append("<a href=\"").Append(path).Append('"').Append(path == section ? " class=\"on\"" : "").Append('>').Append(name).Append("</a>");
        }

        html.Append("</nav><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>The hidden anti-forgery field for a form on this response.</summary>
    public static string AntiforgeryField(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>A one-button POST form.</summary>
    public static string Button(string action, string label, string antiforgeryField) =>
        $"<form class=\"inline\" method=\"post\" action=\"{E(action)}\">{antiforgeryField}<button type=\"submit\">{E(label)}</button></form>";

    /// <summary>Labels as code chips.</summary>
    public static string Labels(IReadOnlyDictionary<string, string> labels, params string[] without) =>
        "<span class=\"labels\">" + string.Concat(labels.Where(l => !without.Contains(l.Key)).Select(l => $"<code>{E(l.Key)}={E(l.Value)}</code>")) + "</span>";
}
