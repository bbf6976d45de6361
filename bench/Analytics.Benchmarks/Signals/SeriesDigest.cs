using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Signals.Series;

namespace Analytics.Benchmarks.Signals;

/// <summary>
/// A fingerprint of a signal's series (labels, unit, and every point's window, value, interval and observation count,
/// values to the last bit), so that a change meant only to be faster can be shown to give the same results over the
/// whole large organisation: run the measurement before and after with <see cref="Variable"/> set and compare the lines.
/// </summary>
internal static class SeriesDigest
{
    /// <summary>Set to 1, the <c>signal</c> and <c>all</c> measurements write one <c>DIGEST</c> line per signal to standard error.</summary>
    public const string Variable = "ANALYTICS_BENCH_DIGEST";

    /// <summary>Whether <see cref="Variable"/> asks for digests.</summary>
    public static bool Wanted => Environment.GetEnvironmentVariable(Variable) is "1";

    /// <summary>Writes the digest line of <paramref name="signal"/>'s <paramref name="series"/>.</summary>
    public static void Write(string signal, IReadOnlyList<Series> series)
    {
        var text = new StringBuilder();
        foreach (var s in series)
        {
            text.Append(s.Signal).Append('|').Append(s.Labels).Append('|').Append(s.Unit).Append('\n');
            foreach (var p in s.Points)
            {
                text.Append(CultureInfo.InvariantCulture, $"{p.Window.Start.UtcTicks} {p.Window.End.UtcTicks} {Bits(p.Value)} {Bits(p.Low)} {Bits(p.High)} {p.Observations}\n");
            }
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DIGEST {signal} {series.Count} {hash}"));
    }

    private static string Bits(double? value) =>
        value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "-";
}
