using System.Globalization;
using System.Text;

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

    /// <summary>
    /// The UTC ticks of a stored instant, read digit by digit from the fixed-width form as SQLite holds it, in UTF-8 (about
    /// ten times cheaper than <see cref="FromSqliteText"/>, and without decoding the text); text in any other shape goes
    /// through the exact parse, which says what is wrong.
    /// </summary>
    public static long TicksFromSqliteText(ReadOnlySpan<byte> text)
    {
        if (text.Length != 27 || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':' || text[19] != (byte)'.' || text[26] != (byte)'Z')
        {
            return FromSqliteText(Encoding.UTF8.GetString(text)).UtcTicks;
        }

        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        var hour = Digits(text, 11, 2);
        var minute = Digits(text, 14, 2);
        var second = Digits(text, 17, 2);
        var micros = Digits(text, 20, 6);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || micros < 0)
        {
            return FromSqliteText(Encoding.UTF8.GetString(text)).UtcTicks;
        }

        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + (micros * 10L);
    }

    /// <summary>The number written by <paramref name="count"/> digits from <paramref name="start"/>, or -1 when one is not a digit.</summary>
    private static int Digits(ReadOnlySpan<byte> text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    public static DateTimeOffset FromSqliteText(string text) =>
        DateTimeOffset.ParseExact(text, SqliteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
