using Analytics.Storage.Caching;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    // The signal cache's tables (migration 0013) are not domain entities: they are left out of All, so they are never
    // imported, exported or listed; the signals layer reads and writes them through these maps.

    /// <summary>The signal cache's keys: period and watermark per cache key. Not in <see cref="All"/>.</summary>
    public static EntityMap<SignalCacheEntry> SignalCacheEntries { get; } =
        new EntityMapBuilder<SignalCacheEntry>("signal-cache-entries", "signal_cache_entries", "The signal cache's keys.")
            .Key("cache_key", r => r.CacheKey, "A digest of everything the result depends on besides the store.")
            .Text("signal", r => r.Signal, "The signal's name.")
            .Instant("request_from", r => r.RequestFrom, "The request's first instant.")
            .Instant("request_to", r => r.RequestTo, "The request's end.")
            .Instant("watermark", r => r.Watermark, "The store watermark the windows are valid through.")
            .Text("series", r => r.Series, "The series' labels and units, in order (JSON).")
            .Build(r => new SignalCacheEntry(
                r.Text("cache_key"), r.Text("signal"), r.Instant("request_from"), r.Instant("request_to"),
                r.Instant("watermark"), r.Text("series")));

    /// <summary>The signal cache's windows. Not in <see cref="All"/>.</summary>
    public static EntityMap<SignalCacheWindow> SignalCacheWindows { get; } =
        new EntityMapBuilder<SignalCacheWindow>("signal-cache-windows", "signal_cache_windows", "The signal cache's windows.")
            .Key("cache_key", r => r.CacheKey, "The cache key.")
            .Key("time_zone", r => r.TimeZone, "The window's time zone.")
            .Key("first_day", r => r.FirstDay, "The window's first day.")
            .Text("points", r => r.Points, "Every series' point in the window (base64 of one binary record per point; see the signal cache's codec).")
            .Build(r => new SignalCacheWindow(r.Text("cache_key"), r.Text("time_zone"), r.Text("first_day"), r.Text("points")));

    /// <summary>Deletions of domain rows, recorded by every delete so cached signal windows are invalidated. Not in <see cref="All"/>.</summary>
    public static EntityMap<StoreDeletion> StoreDeletions { get; } =
        new EntityMapBuilder<StoreDeletion>("signal-cache-deletions", "signal_cache_deletions", "Deletions of domain rows.")
            .Key("table_name", r => r.Table, "The table rows were deleted from.")
            .Instant("deleted_at", r => r.DeletedAt, "When.")
            .Instant("earliest", r => r.Earliest, "The earliest instant among the deleted rows' time columns.")
            .Int("row_count", r => r.Rows, "How many rows.")
            .Build(r => new StoreDeletion(r.Text("table_name"), r.Instant("deleted_at"), r.Instant("earliest"), r.Int("row_count")));
}
