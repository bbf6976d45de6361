namespace Analytics.Reports.Weekly;

/// <summary>A pull request merged in the report week, for the "what shipped" list.</summary>
/// <param name="Repository">Its repository.</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="MergedAt">When it was merged.</param>
public sealed record ShippedPullRequest(string Repository, int Number, string Title, DateTimeOffset MergedAt);
