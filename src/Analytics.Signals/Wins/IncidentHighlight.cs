namespace Analytics.Signals.Wins;

/// <summary>An incident resolved in the week.</summary>
/// <param name="Service">The service it affected.</param>
/// <param name="Severity">Its severity, when known.</param>
/// <param name="Title">Its title.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="TimeToResolve">Opened → resolved.</param>
/// <param name="Url">Where a person can open it, when the source gives one.</param>
public sealed record IncidentHighlight(string Service, string? Severity, string Title, DateTimeOffset ResolvedAt, TimeSpan TimeToResolve, string? Url);
