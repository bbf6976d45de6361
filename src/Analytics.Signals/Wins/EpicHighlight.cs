namespace Analytics.Signals.Wins;

/// <summary>An epic closed in the week.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Title">Its summary.</param>
/// <param name="ResolvedAt">When it was closed (status history, as <c>tickets.*</c>).</param>
/// <param name="Children">How many tickets name it as their parent.</param>
public sealed record EpicHighlight(string Key, string Title, DateTimeOffset ResolvedAt, int Children);
