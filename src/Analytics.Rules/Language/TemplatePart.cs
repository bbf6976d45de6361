namespace Analytics.Rules.Language;

/// <summary>One piece of a template: literal text, or a placeholder (<c>$labels.name</c> or <c>$value</c>) with an optional format.</summary>
/// <param name="Text">The literal text; null for a placeholder.</param>
/// <param name="Label">The label a <c>$labels.name</c> placeholder reads; null for <c>$value</c> and literal text.</param>
/// <param name="Format">The format after a <c>|</c>: humanize, percent or duration; null for none.</param>
public sealed record TemplatePart(string? Text, string? Label, string? Format);
