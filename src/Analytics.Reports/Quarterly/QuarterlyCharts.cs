using Analytics.Domain.Common;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Quarterly;

/// <summary>The quarterly review's charts and colours, shared by its HTML page and its PDF.</summary>
public static class QuarterlyCharts
{
    /// <summary>The size of a trend chart on a page: 640 × 220.</summary>
    public static ChartSize TrendSize => new(640, 220);

    /// <summary>The level of <paramref name="capabilityId"/> in each quarter of <paramref name="review"/>, as bars (no bar: no data).</summary>
    public static BarChart LevelTrend(QuarterlyReview review, string capabilityId)
    {
        ArgumentNullException.ThrowIfNull(review);
        var scores = review.Scorecards.Select(s => s.Find(capabilityId)).ToList();
        var name = scores.FirstOrDefault(s => s is not null)?.Capability.Name ?? capabilityId;
        var levels = scores.Select(s => s?.Level is { } l ? (double?)(int)l : null).ToList();
        var text = string.Join(", ", review.Scorecards.Select((s, i) => $"{s.Quarter}: {QuarterlyFormat.Level(scores[i]?.Level)}"));
        return new BarChart(
            $"{name}: level by quarter",
            $"Maturity level of {name} for {review.Subject.Name} in each of the last {review.Scorecards.Count} quarters (1 initial to 4 optimising; no bar means no data). {text}.",
            ValueList.From(review.Scorecards.Select(s => s.Quarter.ToString())),
            ValueList.Of(new BarSeries("level", ValueList.From(levels))));
    }

    /// <summary>The colour that stands for a level (Okabe–Ito, colour-blind safe); grey for no data.</summary>
    public static string Colour(MaturityLevel? level) => level switch
    {
        MaturityLevel.Initial => "#D55E00",
        MaturityLevel.Managed => "#B07800",
        MaturityLevel.Defined => "#0072B2",
        MaturityLevel.Optimising => "#009E73",
        _ => "#8a91a0",
    };

    /// <summary>The text colour of a check status: green pass, vermillion fail, grey no data.</summary>
    public static string Colour(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "#007a5a",
        CheckStatus.Fail => "#c24e00",
        _ => "#8a91a0",
    };
}
