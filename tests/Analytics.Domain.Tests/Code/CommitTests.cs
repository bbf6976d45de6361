using Analytics.Domain.Code;

namespace Analytics.Domain.Tests.Code;

public sealed class CommitTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void IsMerge_ParentCount_TrueFromTwoParents(int parents, bool expected)
    {
        Commit(parents: parents).IsMerge.Should().Be(expected);
    }

    [Fact]
    public void Constructor_BlankSha_Throws()
    {
        var act = () => Commit(sha: "  ");

        act.Should().Throw<ArgumentException>().WithParameterName("Sha");
    }

    private static Commit Commit(string sha = "abc123", int parents = 1) =>
        new("git", "acme/shop", sha, "Alice", "alice@example.com", At, "Alice", "alice@example.com", At, parents, 1, 1, "Fix");
}
