namespace Analytics.Reports.Delivery;

/// <summary>A file attached to an e-mail.</summary>
/// <param name="FileName">The name the recipient sees, such as <c>payments-2026-Q3.pdf</c>.</param>
/// <param name="MediaType">Its media type, such as <c>application/pdf</c>.</param>
/// <param name="Content">Its bytes.</param>
public sealed record EmailAttachment(string FileName, string MediaType, ReadOnlyMemory<byte> Content);
