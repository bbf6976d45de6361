using Analytics.Domain.Code;
using Analytics.Domain.Common;

namespace Analytics.Domain.Tests.Code;

public sealed class PullRequestTests
{
    private static readonly DateTimeOffset Created = new(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_MergedBeforeCreated_Throws()
    {
        var act = () => Pr(merged: Created.AddMinutes(-1));

        act.Should().Throw<ArgumentException>().WithParameterName("MergedAt");
    }

    [Fact]
    public void Constructor_ClosedBeforeCreated_Throws()
    {
        var act = () => Pr(closed: Created.AddSeconds(-1));

        act.Should().Throw<ArgumentException>().WithParameterName("ClosedAt");
    }

    [Fact]
    public void Constructor_MergedAtCreationInstant_IsAllowed()
    {
        var act = () => Pr(merged: Created, closed: Created);

        act.Should().NotThrow();
    }

    [Fact]
    public void Constructor_MergedWithOffset_StoresUtc()
    {
        // 13:30 at +02:00 is 11:30 UTC.
        var pr = Pr(merged: new DateTimeOffset(2024, 5, 6, 13, 30, 0, TimeSpan.FromHours(2)));

        pr.MergedAt.Should().Be(new DateTimeOffset(2024, 5, 6, 11, 30, 0, TimeSpan.Zero));
        pr.MergedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(-1, 0, "Additions")]
    [InlineData(0, -1, "Deletions")]
    public void Constructor_NegativeLineCount_Throws(int additions, int deletions, string parameter)
    {
        var act = () => Pr(additions: additions, deletions: deletions);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }

    [Fact]
    public void Constructor_BlankSourceId_Throws()
    {
        var act = () => Pr(sourceId: "");

        act.Should().Throw<ArgumentException>().WithParameterName("SourceId");
    }

    [Fact]
    public void ChangedLines_120Added30Deleted_Returns150()
    {
        // 120 + 30 = 150.
        Pr(additions: 120, deletions: 30).ChangedLines.Should().Be(150);
    }

    [Fact]
    public void Equals_SameValuesWithSeparateLabelLists_IsTrue()
    {
        var left = Pr(labels: ValueList.Of("bug", "ui"));
        var right = Pr(labels: ValueList.From(new[] { "bug", "ui" }));

        left.Should().Be(right);
        left.GetHashCode().Should().Be(right.GetHashCode());
        left.Should().NotBe(Pr(labels: ValueList.Of("bug")));
    }

    private static PullRequest Pr(
        string sourceId = "acme/shop#7",
        DateTimeOffset? merged = null,
        DateTimeOffset? closed = null,
        int additions = 10,
        int deletions = 2,
        ValueList<string> labels = default) =>
        new(
            "github", sourceId, "acme/shop", 7, "Fix checkout", PullRequestState.Open, false, "alice",
            Created, Created.AddHours(1), merged, closed, "main", "fix/checkout", additions, deletions, 1, labels, null);
}
