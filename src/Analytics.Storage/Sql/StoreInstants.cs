using System.Globalization;

namespace Analytics.Storage.Sql;

/// <summary>Instants and durations as the store keeps them, identically in SQLite and PostgreSQL.</summary>
internal static class StoreInstants
{
    /// <summary>SQLite keeps instants as fixed-width UTC text, so text order is time order.</summary>
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>
    /// Cuts an instant to whole microseconds at UTC: PostgreSQL's resolution. Doing the same in SQLite makes both stores
    /// return identical records.
    /// </summary>
    public static DateTimeOffset ToStorePrecision(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % 10), TimeSpan.Zero);
    }

    public static string ToSqliteText(DateTimeOffset instant) =>
        ToStorePrecision(instant).UtcDateTime.ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromSqliteText(string text) =>
        DateTimeOffset.ParseExact(text, SqliteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
