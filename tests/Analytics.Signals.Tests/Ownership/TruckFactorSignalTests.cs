using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Signals.Ownership;

namespace Analytics.Signals.Tests.Ownership;

public sealed class TruckFactorSignalTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task Compute_TwoFoldersTwoOwners_GivesRepositoryAndFolderSeries()
    {
        // Ada adds a/1..5.cs, Bob adds b/1..5.cs: repository 10 files, each owner 5 → remove Ada (tie, smaller id):
        // 5/10 = 0.5 not below → remove Bob → TF 2. Each folder: one owner of 5 files → TF 1. A commit by Cy after the
        // period's end (adding c/1..5.cs) is not counted. A merge commit without files is skipped.
        var records = new List<object>();
        AddCommit(records, "a1", "Ada", "ada@example.com", Monday.AddDays(-30), [.. Enumerable.Range(1, 5).Select(i => $"a/{i}.cs")]);
        AddCommit(records, "b2", "Bob", "bob@example.com", Monday.AddDays(-20), [.. Enumerable.Range(1, 5).Select(i => $"b/{i}.cs")]);
        AddCommit(records, "c3", "Cy", "cy@example.com", Monday.AddDays(15), [.. Enumerable.Range(1, 5).Select(i => $"c/{i}.cs")]);
        records.Add(Commit("d4", "Ada", "ada@example.com", Monday.AddDays(-10), parents: 2));
        await using var fixture = await SignalFixture.CreateAsync([.. records]);

        var series = await new TruckFactorSignal().ComputeAsync(fixture.TwoWeeks(), default);

        series.Select(s => (s.Labels["team"], s.Labels["repository"], s.Labels["folder"], s.Points.Single().Value, s.Points.Single().Observations))
            .Should().Equal(
                ("payments", "acme/api", "", 2.0, 10),
                ("payments", "acme/api", "a", 1.0, 5),
                ("payments", "acme/api", "b", 1.0, 5));
        // One point, in the window holding the period's last instant: the week of 9 November.
        series[0].Points.Single().Window.FirstDay.Should().Be(new DateOnly(2026, 11, 9));
        SignalCatalog.Find("ownership.truck_factor").Should().BeOfType<TruckFactorSignal>();
    }

    [Fact]
    public async Task Compute_NoHistory_GivesARepositorySeriesWithoutValue()
    {
        await using var fixture = await SignalFixture.CreateAsync();

        var series = await new TruckFactorSignal().ComputeAsync(fixture.TwoWeeks(), default);

        series.Should().ContainSingle().Which.Points.Single().Should().Match<Series.SeriesPoint>(p => p.Value == null && p.Observations == 0);
    }

    private static void AddCommit(List<object> records, string sha, string name, string email, DateTimeOffset at, string[] paths)
    {
        records.Add(Commit(sha, name, email, at, parents: 1));
        records.AddRange(paths.Select(p => new FileChange("git", "acme/api", sha, p, null, FileChangeKind.Added, 1, 0)));
    }

    private static Commit Commit(string sha, string name, string email, DateTimeOffset at, int parents) =>
        new("git", "acme/api", sha, name, email, at, name, email, at, parents, 0, 0, "change");
}
