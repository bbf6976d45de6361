using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Weekly;

namespace Analytics.Reports.Quarterly;

/// <summary>The quarterly operational-maturity review of a team or of the organisation.</summary>
/// <param name="Subject">The team; for the organisation, a team made of every team's members, repositories and services.</param>
/// <param name="IsOrganisation">Whether this is the organisation's review.</param>
/// <param name="Quarter">The review quarter.</param>
/// <param name="GeneratedAt">When the review was made.</param>
/// <param name="Scorecards">The scorecards of the last <see cref="QuarterlyReviewBuilder.QuartersShown"/> quarters, oldest first, the review quarter last.</param>
/// <param name="Risks">Top risks: alerts firing at the quarter's end, then the checks that fail lowest.</param>
/// <param name="Teams">For the organisation, each team's summary; empty for a team.</param>
public sealed record QuarterlyReview(
    Team Subject,
    bool IsOrganisation,
    QuarterPeriod Quarter,
    DateTimeOffset GeneratedAt,
    ValueList<Scorecard> Scorecards,
    ValueList<RiskItem> Risks,
    ValueList<TeamSummary> Teams)
{
    /// <summary>The review quarter's scorecard.</summary>
    public Scorecard Current => Scorecards[^1];

    /// <summary>The review quarter in the subject's time zone.</summary>
    public Signals.Series.TimeWindow Window => Quarter.Window(Subject.TimeZone);

    /// <summary>A file-name stem: <c>quarterly-payments-2026-Q3</c>.</summary>
    public string FileStem => $"quarterly-{Subject.Id}-{Quarter}";
}
