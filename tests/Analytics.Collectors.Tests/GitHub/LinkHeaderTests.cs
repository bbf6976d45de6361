using Analytics.Collectors.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class LinkHeaderTests
{
    [Fact]
    public void Next_GitHubHeader_FindsTheNextPage() =>
        LinkHeader.Next("<https://api.github.com/repositories/1300192/issues?page=2>; rel=\"prev\", <https://api.github.com/repositories/1300192/issues?page=4>; rel=\"next\", <https://api.github.com/repositories/1300192/issues?page=515>; rel=\"last\"")
            .Should().Be("https://api.github.com/repositories/1300192/issues?page=4");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"first\", <https://api.github.com/x?page=3>; rel=\"prev\"")]
    public void Next_LastPageOrNoHeader_IsNull(string? header) => LinkHeader.Next(header).Should().BeNull();
}
