namespace Analytics.Collectors.Statuspage;

/// <summary>What one status page's sync read and stored.</summary>
/// <param name="PageId">The status page.</param>
/// <param name="Incidents">Incidents read.</param>
/// <param name="Maintenances">Scheduled maintenances read and left out (they are not incidents).</param>
/// <param name="Changed">Records new or changed in the store.</param>
/// <param name="Removed">Records removed because the page no longer has them (full refresh only).</param>
/// <param name="Cursor">Where the next sync may stop reading: the creation of the oldest incident still open, else of the newest read.</param>
public sealed record StatuspageSyncResult(string PageId, int Incidents, int Maintenances, int Changed, int Removed, DateTimeOffset? Cursor);
