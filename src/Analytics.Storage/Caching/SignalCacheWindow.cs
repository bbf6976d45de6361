namespace Analytics.Storage.Caching;

/// <summary>One cached window of a cache key: every series' point in it. Equality is by value.</summary>
/// <param name="CacheKey">The cache key it belongs to.</param>
/// <param name="TimeZone">The IANA time zone the window is counted in.</param>
/// <param name="FirstDay">The window's first day, <c>yyyy-MM-dd</c>.</param>
/// <param name="Points">The series' points in the window (JSON written by the signals layer).</param>
public sealed record SignalCacheWindow(string CacheKey, string TimeZone, string FirstDay, string Points);
