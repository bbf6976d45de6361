namespace Analytics.Reports.Charts;

/// <summary>
/// The Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito, "Color Universal Design", 2008), ordered for lines on
/// white: the low-contrast yellow comes last and black is kept for change-point markers.
/// </summary>
internal static class OkabeIto
{
    /// <summary>Black, used for change-point markers.</summary>
    public const string Black = "#000000";

    /// <summary>Series colours in the order series get them.</summary>
    public static readonly IReadOnlyList<string> Series =
    [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#F0E442", // yellow
    ];

    /// <summary>The colour of the series at <paramref name="index"/>, cycling when there are more series than colours.</summary>
    public static string ForSeries(int index) => Series[index % Series.Count];
}
