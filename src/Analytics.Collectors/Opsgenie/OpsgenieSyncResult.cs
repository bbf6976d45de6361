namespace Analytics.Collectors.Opsgenie;

/// <summary>What one Opsgenie listing's sync read and stored.</summary>
/// <param name="Kind">Incidents or alerts.</param>
/// <param name="Since">The start of the creation range read.</param>
/// <param name="Until">The end of the range read (excluded).</param>
/// <param name="Read">Items read.</param>
/// <param name="Changed">Records new or changed in the store.</param>
/// <param name="Removed">Records removed because the source no longer has them (full refresh only).</param>
/// <param name="Cursor">Where the next sync starts: the creation of the oldest item still open, else <paramref name="Until"/>.</param>
public sealed record OpsgenieSyncResult(OpsgenieKind Kind, DateTimeOffset Since, DateTimeOffset Until, int Read, int Changed, int Removed, DateTimeOffset Cursor);
