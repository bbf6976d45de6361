using System.Globalization;

namespace Analytics.Benchmarks.Import;

/// <summary>Formats figures for the report, always in the invariant culture.</summary>
internal static class Units
{
    /// <summary>A byte count in binary units: <c>812 KiB</c>, <c>91.4 MiB</c>, <c>3.12 GiB</c>.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1L << 10 => Number(bytes) + " B",
        < 1L << 20 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB",
        < 1L << 30 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };

    /// <summary>A whole number with thousands separators: <c>1,000,000</c>.</summary>
    public static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Seconds: two decimals below ten seconds (<c>0.42 s</c>), one above (<c>41.2 s</c>).</summary>
    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString(duration.TotalSeconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";
}
