using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// Splicing recomputed windows into a cached result: by team, refused without a change where the span cannot tell, and
/// series kept by the whole period. Four weekly windows in UTC; teams a and b.
/// </summary>
public sealed class CachedResultTests
{
    private static readonly DateTimeOffset From = new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeWindow[] Weeks = [.. TimeWindow.Covering(From, From.AddDays(28), Granularity.Week, "UTC")];
    private static readonly SignalRequest Request = new(
        null!, [Team("a"), Team("b")], new PersonDirectory([]), From, From.AddDays(28), Granularity.Week);

    // The last two weeks.
    private static readonly DateTimeOffset SpanStart = From.AddDays(14);

    [Fact]
    public void Splice_ForOneTeam_ReplacesOnlyItsSeriesInTheSpan()
    {
        var result = CachedResult.FromSeries([Dense("a", 1, 1, 1, 1), Dense("b", 2, 2, 2, 2)], Request);

        result.Splice([Dense("a", 9, 9, fromWeek: 2)], SpanStart, Request.To, Request.To, new HashSet<string> { "a" }).Should().BeTrue();

        Values(result, "a").Should().Equal(1, 1, 9, 9);
        Values(result, "b").Should().Equal(2, 2, 2, 2);
        result.Touched.Should().BeEquivalentTo(Weeks[2..]);
    }

    [Fact]
    public void Splice_ForOneTeam_ASeriesOfAnotherTeamOrOfNoTeam_IsRefusedAndChangesNothing()
    {
        var result = CachedResult.FromSeries([Dense("a", 1, 1, 1, 1), Dense("b", 2, 2, 2, 2)], Request);

        result.Splice([Dense("b", 9, 9, fromWeek: 2)], SpanStart, Request.To, Request.To, new HashSet<string> { "a" }).Should().BeFalse();
        result.Splice([Dense(null, 9, 9, fromWeek: 2)], SpanStart, Request.To, Request.To, new HashSet<string> { "a" }).Should().BeFalse();

        Values(result, "a").Should().Equal(1, 1, 1, 1);
        Values(result, "b").Should().Equal(2, 2, 2, 2);
        result.Touched.Should().BeEmpty();
    }

    [Fact]
    public void Splice_ASeriesGoneThatHadObservationsInTheSpan_IsRefused()
    {
        // What a gone series would show there is unknown: its records may be gone, or it is kept for other windows.
        var result = CachedResult.FromSeries([Dense("a", 1, 1, 1, 1), Dense("b", 2, 2, 2, 2)], Request);

        result.Splice([], SpanStart, Request.To, Request.To, new HashSet<string> { "a" }).Should().BeFalse();

        Values(result, "a").Should().Equal(1, 1, 1, 1);
        result.Touched.Should().BeEmpty();
    }

    [Fact]
    public void Splice_OverTheWholePeriod_ASeriesGoneIsRemoved()
    {
        // Recomputed over the whole period for team a, a series of a's that is not there any more is gone from a full
        // computation too; b's stays. The windows are written again (points are stored by series index).
        var result = CachedResult.FromSeries([Dense("a", 1, 1, 1, 1), Dense("b", 2, 2, 2, 2)], Request);

        result.Splice([], From, Request.To, Request.To, new HashSet<string> { "a" }).Should().BeTrue();

        result.ToSeries().Select(s => s.Labels["team"]).Should().Equal("b");
        result.Touched.Should().BeEquivalentTo(Weeks);
    }

    [Fact]
    public void Splice_ASparseSeriesGoneEverywhere_IsRemovedAndEveryWindowWrittenAgain()
    {
        // a has one point without observations in week 3, b one in week 1. Once a is gone, b is the first series: the
        // windows store points by series index, so week 1 (b's) is written again too.
        var a = new Series.Series("s", Labels("a"), SignalUnit.Count, ValueList.Of(new SeriesPoint(Weeks[2], 5, 0)));
        var b = new Series.Series("s", Labels("b"), SignalUnit.Count, ValueList.Of(new SeriesPoint(Weeks[0], 7, 1)));
        var result = CachedResult.FromSeries([a, b], Request);

        result.Splice([], SpanStart, Request.To, Request.To, null).Should().BeTrue();

        result.ToSeries().Should().ContainSingle().Which.Labels.Should().Be(Labels("b"));
        result.Touched.Should().Contain(Weeks[0]);
    }

    [Fact]
    public void Splice_WithKeeps_KeepsWhatTheWholePeriodWould()
    {
        // Kept: a value above zero somewhere. a is kept by week 1 whatever the span says; b no longer has one; c, new in the
        // span without a value above zero, is left out; d, new with one, would need the weeks before the span: refused.
        static bool Keeps(Series.Series s) => s.Points.Any(p => p.Value > 0);
        var result = CachedResult.FromSeries([Dense("a", 1, 0, 0, 0), Dense("b", 0, 0, 3, 0)], Request);

        result.Splice([Dense("a", 0, 0, fromWeek: 2), Dense("b", 0, 0, fromWeek: 2), Dense("c", 0, 0, fromWeek: 2)], SpanStart, Request.To, Request.To, null, Keeps)
            .Should().BeTrue();
        result.ToSeries().Select(s => s.Labels["team"]).Should().Equal("a");
        Values(result, "a").Should().Equal(1, 0, 0, 0);

        result.Splice([Dense("a", 0, 0, fromWeek: 2), Dense("d", 0, 4, fromWeek: 2)], SpanStart, Request.To, Request.To, null, Keeps).Should().BeFalse();
    }

    private static Series.Series Dense(string? team, params double[] values) => Dense(team, values, 0);

    private static Series.Series Dense(string? team, double first, double second, int fromWeek) => Dense(team, [first, second], fromWeek);

    private static Series.Series Dense(string? team, double[] values, int fromWeek) =>
        new("s", team is null ? Series.Labels.Of() : Labels(team), SignalUnit.Count,
            ValueList.From(values.Select((v, i) => new SeriesPoint(Weeks[fromWeek + i], v, 1))));

    private static Labels Labels(string team) => Series.Labels.Of(new Label("team", team));

    private static IEnumerable<double?> Values(CachedResult result, string team) =>
        result.ToSeries().Single(s => s.Labels["team"] == team).Points.Select(p => p.Value);

    private static Team Team(string id) => new(id, id, "UTC", ValueList.Of<TeamMember>(), ValueList.Of("acme/" + id), ValueList.Of<string>(), null);
}
