namespace Analytics.Host.Server.Web;

/// <summary>The newest record of one entity.</summary>
/// <param name="Entity">The entity (<c>pull-requests</c>…).</param>
/// <param name="Column">The time column read (<c>updated_at</c>…).</param>
/// <param name="LatestAt">The newest value; null when the entity has no records.</param>
/// <param name="Sources">The sources of the records in the newest stretch examined.</param>
internal sealed record LatestRecordView(string Entity, string Column, DateTimeOffset? LatestAt, IReadOnlyList<string> Sources);
