namespace Analytics.Signals.Attribution;

/// <summary>The fields of an incident that attribution and the DORA signals use (<see cref="AttributedIncidents"/>).</summary>
/// <param name="Service">The service it affected.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="ResolvedAt">When it was resolved, if it was.</param>
/// <param name="DeploymentId">The deployment it names, if any.</param>
internal readonly record struct IncidentRow(string Service, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? DeploymentId);
