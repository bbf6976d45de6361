namespace Analytics.Reports.Weekly;

/// <summary>Something the team shipped or resolved in the report week.</summary>
/// <param name="Kind">What it is: <see cref="HighlightKind"/>.</param>
/// <param name="Reference">Its identity where it lives: <c>acme/api#42</c>, a deployment's repository and environment, <c>PAY-12</c>, an incident id.</param>
/// <param name="Title">What it was about.</param>
/// <param name="At">When it was merged, deployed or resolved.</param>
/// <param name="Url">A link to it, when the source gave one.</param>
public sealed record Highlight(HighlightKind Kind, string Reference, string Title, DateTimeOffset At, string? Url = null);
