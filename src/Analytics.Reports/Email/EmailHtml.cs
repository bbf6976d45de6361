using System.Net;
using System.Text;

namespace Analytics.Reports.Email;

/// <summary>
/// The building blocks of HTML e-mails that render alike in Gmail, Outlook and Apple Mail: one centred table at most
/// <see cref="Width"/> pixels wide, inline styles only (clients drop or rewrite <c>&lt;style&gt;</c>), system fonts,
/// and images by Content-ID with their size and alt text set.
/// </summary>
internal static class EmailHtml
{
    /// <summary>The content width in pixels: the common maximum for e-mail layouts.</summary>
    public const int Width = 640;

    public const string Font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    public const string Muted = "color:#5b6475;";
    public const string H2 = "margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid #e3e6eb;font-size:18px;line-height:24px;color:#1d2330;" + Font;
    public const string Text = "margin:0 0 8px;font-size:14px;line-height:20px;color:#1d2330;" + Font;
    public const string Cell = "padding:6px 6px;border-bottom:1px solid #eef0f3;font-size:13px;line-height:18px;color:#1d2330;vertical-align:middle;" + Font;
    public const string HeadCell = "padding:6px 6px;border-bottom:1px solid #d5d9e0;font-size:11px;line-height:14px;color:#5b6475;font-weight:bold;text-align:left;" + Font;

    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The document up to the content cell: a full-width background table holding the centred content table.</summary>
    public static void Open(StringBuilder html, string title, string preheader)
    {
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title>
            </head>
            <body style="margin:0;padding:0;background-color:#f6f7f9;">
            <div style="display:none;max-height:0;overflow:hidden;">{E(preheader)}</div>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f6f7f9;">
            <tr><td align="center" style="padding:16px 8px;">
            <table role="presentation" width="{Width}" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:{Width}px;background-color:#ffffff;">
            <tr><td style="padding:24px 20px;">

            """);
    }

    public static void Close(StringBuilder html, string footer) =>
        html.Append($"""
            <p style="margin:24px 0 0;font-size:12px;line-height:16px;color:#8a91a0;{Font}">{E(footer)}</p>
            </td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>

            """);

    /// <summary>An inline image by Content-ID with its display size and alt text.</summary>
    public static string Image(string contentId, int width, int height, string alt) =>
        $"<img src=\"cid:{E(contentId)}\" width=\"{width}\" height=\"{height}\" alt=\"{E(alt)}\" style=\"display:block;border:0;width:100%;max-width:{width}px;height:auto;\">";

    /// <summary>A link that mail clients keep (absolute http(s) only; callers pass checked URLs).</summary>
    public static string Link(string url, string text) => $"<a href=\"{E(url)}\" style=\"color:#0b5cad;\">{E(text)}</a>";
}
