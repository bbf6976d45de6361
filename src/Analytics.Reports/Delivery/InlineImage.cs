namespace Analytics.Reports.Delivery;

/// <summary>An image shown inside an HTML e-mail, referenced from the HTML as <c>cid:&lt;ContentId&gt;</c>.</summary>
/// <param name="ContentId">The Content-ID without angle brackets, unique within the message (<c>chart-1@analytics</c>).</param>
/// <param name="MediaType">Its media type, such as <c>image/png</c>.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="AlternativeText">What the image shows, for readers that do not load images.</param>
public sealed record InlineImage(string ContentId, string MediaType, ReadOnlyMemory<byte> Content, string AlternativeText);
