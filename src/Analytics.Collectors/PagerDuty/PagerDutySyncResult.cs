namespace Analytics.Collectors.PagerDuty;

/// <summary>What one PagerDuty sync read and stored.</summary>
/// <param name="Since">The start of the window read.</param>
/// <param name="Until">The end of the window read.</param>
/// <param name="Incidents">Incidents read.</param>
/// <param name="Windows">Listing windows used (more than one when the range was long or the paging ceiling split it).</param>
/// <param name="Changed">Records new or changed in the store.</param>
/// <param name="Cursor">Where the next sync starts: the creation of the oldest incident still open, else <paramref name="Until"/>.</param>
public sealed record PagerDutySyncResult(DateTimeOffset Since, DateTimeOffset Until, int Incidents, int Windows, int Changed, DateTimeOffset Cursor);
