namespace Analytics.Host.Server.Web;

/// <summary>How current the store is: cursors per source and scope, and the newest record per entity.</summary>
/// <param name="At">When this was read.</param>
/// <param name="Cursors">The cursors found.</param>
/// <param name="Records">The newest record per entity.</param>
internal sealed record FreshnessView(DateTimeOffset At, IReadOnlyList<CursorView> Cursors, IReadOnlyList<LatestRecordView> Records);
