using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Quarterly;
using Analytics.Reports.Weekly;

namespace Analytics.Reports.Tests.Quarterly;

/// <summary>Reviews built from hand-picked check values, without a store.</summary>
internal static class SampleReviews
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);

    public static Team Team(string id, string name) =>
        new(id, name, "Europe/Berlin", ValueList<TeamMember>.Empty, ValueList.Of(id + "-api"), ValueList.Of(id + "-svc"), null);

    /// <summary>
    /// Four quarters 2025-Q4 … 2026-Q3. Every check's value moves from its managed threshold towards its optimising one,
    /// quarter by quarter; <paramref name="missing"/> names a check with no data in every quarter.
    /// </summary>
    public static List<Scorecard> Scorecards(double drift = 0, string? missing = null)
    {
        var model = MaturityModel.Default;
        var cards = new List<Scorecard>();
        var quarter = new QuarterPeriod(2025, 4);
        for (var i = 0; i < 4; i++, quarter = Next(quarter))
        {
            var step = Math.Clamp((i / 3.0) + drift, 0, 1);
            var values = model.AllChecks.ToDictionary(c => c, c => c.Name == missing ? null : (double?)Interpolate(c, step));
            cards.Add(new Scorecard(
                quarter,
                ValueList.From(model.Capabilities.Select(c => MaturityScoring.Score(c, values))),
                ValueList.From(model.AllChecks.Where(c => c.Dora is not null).Select(c => MaturityScoring.Judge(c, values[c])))));
        }

        return cards;
    }

    public static QuarterlyReview TeamReview(string name = "Payments Core") =>
        new(Team("payments", name), false, new QuarterPeriod(2026, 3), GeneratedAt, ValueList.From(Scorecards(missing: "Flaky tests at quarter end")),
            ValueList.Of(new RiskItem("Firing alert · critical", "CiBuildSlow", "CI runs got 40% slower. Firing at the quarter's end since 3 Sep 2026.")), ValueList<TeamSummary>.Empty);

    public static QuarterlyReview OrganisationReview(params string[] teams)
    {
        var summaries = teams.Select((t, i) =>
        {
            var cards = Scorecards(drift: (i * 0.2) - 0.2);
            return new TeamSummary(Team(t.ToLowerInvariant(), t), cards[^1], cards[^2]);
        });
        return new QuarterlyReview(Team("organisation", "Organisation"), true, new QuarterPeriod(2026, 3), GeneratedAt, ValueList.From(Scorecards()), ValueList<RiskItem>.Empty, ValueList.From(summaries));
    }

    private static QuarterPeriod Next(QuarterPeriod q) => q.Number == 4 ? new(q.Year + 1, 1) : new(q.Year, q.Number + 1);

    /// <summary>A value <paramref name="step"/> of the way from the lowest threshold to the highest.</summary>
    private static double Interpolate(MaturityCheck check, double step)
    {
        var first = check.ThresholdFor(check.Levels.First())!.Value;
        var last = check.ThresholdFor(check.Levels.Last())!.Value;
        return first + ((last - first) * step);
    }
}
