namespace Analytics.Storage.Caching;

/// <summary>
/// One cache key's state in the signal cache: the period its windows cover and the store watermark they are valid
/// through. Equality is by value.
/// </summary>
/// <param name="CacheKey">A digest of everything the result depends on besides the store.</param>
/// <param name="Signal">The signal's name (for people reading the table).</param>
/// <param name="RequestFrom">The request's first instant.</param>
/// <param name="RequestTo">The request's end (excluded) the windows were computed up to.</param>
/// <param name="Watermark">Every row changed before this instant (less the cache's margin) is reflected in the windows.</param>
/// <param name="Series">The series' label sets and units, in result order (JSON written by the signals layer).</param>
public sealed record SignalCacheEntry(
    string CacheKey,
    string Signal,
    DateTimeOffset RequestFrom,
    DateTimeOffset RequestTo,
    DateTimeOffset Watermark,
    string Series);
