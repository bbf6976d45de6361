using Analytics.Collectors.Git;

namespace Analytics.Collectors.Tests.Git;

public sealed class GitRemoteUrlTests
{
    [Theory]
    [InlineData("https://github.com/owner/name.git", "owner/name")]
    [InlineData("https://github.com/owner/name", "owner/name")]
    [InlineData("https://github.com/owner/name/", "owner/name")]
    [InlineData("https://github.com/owner/name.git/", "owner/name")]
    [InlineData("https://user:token@github.com/owner/name.git", "owner/name")]
    [InlineData("http://git.example.com:8080/owner/name.git", "owner/name")]
    [InlineData("ssh://git@github.com/owner/name.git", "owner/name")]
    [InlineData("ssh://git@github.com:22/owner/name", "owner/name")]
    [InlineData("git://github.com/owner/name.git", "owner/name")]
    [InlineData("git@github.com:owner/name.git", "owner/name")]
    [InlineData("git@github.com:owner/name", "owner/name")]
    [InlineData("github.com:owner/name.git", "owner/name")]
    [InlineData("  git@github.com:owner/name.git\n", "owner/name")]
    [InlineData("https://gitlab.com/group/sub/name.git", "group/sub/name")]
    [InlineData("https://github.com/owner/my%20name.git", "owner/my name")]
    public void TryGetFullName_RemoteUrl_ReturnsPathWithoutGitSuffix(string url, string expected) =>
        GitRemoteUrl.TryGetFullName(url).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/srv/git/name.git")]
    [InlineData("../name")]
    [InlineData("file:///srv/git/name.git")]
    [InlineData(@"C:\repos\name")]
    [InlineData("https://github.com/")]
    [InlineData("https://github.com/.git")]
    public void TryGetFullName_LocalOrPathlessUrl_ReturnsNull(string? url) =>
        GitRemoteUrl.TryGetFullName(url).Should().BeNull();

    [Theory]
    [InlineData("https://user:token@github.com/owner/name.git", "https://github.com/owner/name.git")]
    [InlineData("https://x-access-token@github.com/owner/name.git", "https://github.com/owner/name.git")]
    [InlineData("ssh://git@github.com/owner/name.git", "ssh://git@github.com/owner/name.git")]
    [InlineData("git@github.com:owner/name.git", "git@github.com:owner/name.git")]
    public void Redact_Url_RemovesCredentialsOnly(string url, string expected) =>
        GitRemoteUrl.Redact(url).Should().Be(expected);
}
