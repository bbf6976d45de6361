using Analytics.Collectors.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubCursorTests
{
    [Fact]
    public void Serialize_ThenParse_GivesTheSameCursor()
    {
        var cursor = new GitHubCursor(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), null, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string> { ["https://api.github.com/repos/a/b"] = "W/\"abc\"" },
            new Dictionary<string, string> { ["https://api.github.com/repos/a/b/pulls"] = "https://api.github.com/repos/a/b/pulls?page=2" });

        var parsed = GitHubCursor.Parse(cursor.Serialize());

        parsed.PullRequests.Should().Be(cursor.PullRequests);
        parsed.WorkflowRuns.Should().BeNull();
        parsed.Deployments.Should().Be(cursor.Deployments);
        parsed.ETags.Should().BeEquivalentTo(cursor.ETags);
        parsed.Links.Should().BeEquivalentTo(cursor.Links);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    public void Parse_MissingOrUnreadable_StartsOver(string? text) =>
        GitHubCursor.Parse(text).Should().Match<GitHubCursor>(c => c.PullRequests == null && c.ETags.Count == 0);
}
