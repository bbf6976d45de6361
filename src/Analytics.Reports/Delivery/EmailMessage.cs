using Analytics.Domain.Common;

namespace Analytics.Reports.Delivery;

/// <summary>
/// An e-mail as the report renderers produce it and the SMTP channel sends it: an HTML part that mail clients can show
/// (no SVG, no script, images by <c>cid:</c>), a plain-text alternative, inline images and attachments.
/// Recipients and the idempotency key are not part of the message: the outbox adds them.
/// </summary>
/// <param name="Subject">The subject line.</param>
/// <param name="HtmlBody">The HTML part; inline images are referenced as <c>cid:&lt;ContentId&gt;</c>.</param>
/// <param name="TextBody">The plain-text part.</param>
/// <param name="InlineImages">The images the HTML part references by Content-ID.</param>
/// <param name="Attachments">Files attached to the message (a PDF report, say).</param>
public sealed record EmailMessage(
    string Subject,
    string HtmlBody,
    string TextBody,
    ValueList<InlineImage> InlineImages,
    ValueList<EmailAttachment> Attachments)
{
    /// <summary>The subject line; never blank.</summary>
    public string Subject { get; init => field = Guard.NotBlank(value, nameof(Subject)); } = Guard.NotBlank(Subject);
}
