using System.Globalization;
using System.Net;
using System.Text;
using Analytics.Domain.Common;
using Analytics.Reports.Delivery;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// The quarterly review as an e-mail: a short, mail-safe summary (table layout, inline CSS, no SVG or script, a plain
/// text part) with the PDF attached. Sending it is one call on the SMTP channel.
/// </summary>
public static class QuarterlyReviewEmail
{
    /// <summary>Creates the message.</summary>
    /// <param name="review">The review.</param>
    /// <param name="pdf">The review's PDF (<see cref="QuarterlyReviewPdf.Render"/>).</param>
    public static EmailMessage Create(QuarterlyReview review, ReadOnlyMemory<byte> pdf)
    {
        ArgumentNullException.ThrowIfNull(review);
        var previous = review.Scorecards[^2];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Operational-maturity review {review.Quarter}: {review.Subject.Name}");
        text.AppendLine(QuarterlyFormat.Dates(review.Window));
        text.AppendLine();
        var rows = new StringBuilder();
        foreach (var score in review.Current.Capabilities)
        {
            var before = QuarterlyFormat.Level(previous.Find(score.Capability.Id)?.Level);
            text.AppendLine(CultureInfo.InvariantCulture, $"- {score.Capability.Name}: {QuarterlyFormat.Level(score.Level, score.Partial)} (last quarter: {before})");
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 12px 4px 0;border-bottom:1px solid #eef0f3\">{E(score.Capability.Name)}</td><td style=\"padding:4px 12px 4px 0;border-bottom:1px solid #eef0f3;color:{QuarterlyCharts.Colour(score.Level)};font-weight:bold\">{E(QuarterlyFormat.Level(score.Level, score.Partial))}</td><td style=\"padding:4px 0;border-bottom:1px solid #eef0f3;color:#5b6475\">{E(before)}</td></tr>");
        }

        text.AppendLine();
        foreach (var risk in review.Risks.Take(3))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Risk: {risk.Kind}: {risk.Title}. {risk.Evidence}");
        }

        text.AppendLine();
        text.AppendLine("The full review (checks, thresholds, trends and risks) is in the attached PDF.");
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(review.Subject.Name)} · {review.Quarter}</title></head>
            <body style="margin:0;padding:16px;font-family:Helvetica,Arial,sans-serif;color:#1d2330">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px"><tr><td>
            <p style="margin:0;color:#5b6475;font-size:12px;text-transform:uppercase">Operational-maturity review · {review.Quarter}</p>
            <h1 style="margin:4px 0 12px;font-size:24px">{E(review.Subject.Name)}</h1>
            <table role="presentation" cellpadding="0" cellspacing="0" style="font-size:14px"><tr><th align="left" style="padding:4px 12px 4px 0">Capability</th><th align="left" style="padding:4px 12px 4px 0">{review.Quarter}</th><th align="left">Last quarter</th></tr>{rows}</table>
            <p style="font-size:14px">{string.Join("<br/>", review.Risks.Take(3).Select(r => $"<strong>{E(r.Kind)}</strong>: {E(r.Title)}"))}</p>
            <p style="font-size:14px;color:#5b6475">The full review (checks, thresholds, trends and risks) is in the attached PDF.</p>
            </td></tr></table>
            </body></html>
            """;
        return new EmailMessage(
            $"Operational-maturity review {review.Quarter}: {review.Subject.Name}",
            html,
            text.ToString(),
            ValueList<InlineImage>.Empty,
            ValueList.Of(new EmailAttachment(review.FileStem + ".pdf", "application/pdf", pdf)));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
