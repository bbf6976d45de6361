using System.Globalization;

namespace Analytics.Reports.Charts.Svg;

/// <summary>
/// A sequential colour scale for heatmaps: from a pale tint through Okabe–Ito blue (#0072B2) to a dark navy, so order
/// reads from lightness alone (safe for every colour-vision deficiency and in greyscale print).
/// </summary>
internal static class SequentialScale
{
    /// <summary>The scale's stops, lightest first.</summary>
    public static readonly IReadOnlyList<string> Stops = ["#EEF5FB", "#0072B2", "#00263D"];

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped), interpolated in sRGB between the stops.</summary>
    public static string At(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        var segments = Stops.Count - 1;
        var index = Math.Min(segments - 1, (int)Math.Floor(t * segments));
        var local = (t * segments) - index;
        var (r1, g1, b1) = Parse(Stops[index]);
        var (r2, g2, b2) = Parse(Stops[index + 1]);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"#{Mix(r1, r2, local):X2}{Mix(g1, g2, local):X2}{Mix(b1, b2, local):X2}");
    }

    /// <summary>Whether text on a cell of colour <paramref name="t"/> should be white (dark cells) rather than dark.</summary>
    public static bool NeedsLightText(double t) => t > 0.45;

    private static int Mix(int a, int b, double t) => (int)Math.Round(a + ((b - a) * t), MidpointRounding.AwayFromZero);

    private static (int R, int G, int B) Parse(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
