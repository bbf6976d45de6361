using Analytics.Collectors.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("acme/*", "acme/api", true)]
    [InlineData("acme/*", "other/api", false)]
    [InlineData("*/api-?", "acme/api-1", true)]
    [InlineData("*/api-?", "acme/api-10", false)]
    [InlineData("ACME/Api", "acme/api", true)]
    [InlineData("acme/a.i", "acme/api", false)]
    public void IsMatch_Pattern_MatchesLikeAGlob(string pattern, string name, bool expected) =>
        GlobPattern.IsMatch(pattern, name).Should().Be(expected);

    [Fact]
    public void Selected_ExcludeWinsOverInclude() =>
        GlobPattern.Selected("acme/web", ["acme/*"], ["*/web"]).Should().BeFalse();
}
