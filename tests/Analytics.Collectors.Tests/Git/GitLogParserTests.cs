using System.Text;
using Analytics.Collectors.Git;
using Analytics.Domain.Code;

namespace Analytics.Collectors.Tests.Git;

public sealed class GitLogParserTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static string Header(string date = "2024-03-01T09:00:00+02:00", string parents = "") =>
        $"\u0001{Sha}\0{parents}\0Ada\0ada@example.com\0{date}\0Bob\0bob@example.com\0{date}\0title\n\nbody\n\0";

    private static GitLogParser Parser(string output) =>
        new(new NulTokenReader(new MemoryStream(Encoding.UTF8.GetBytes(output))), "owner/name", "/repo");

    [Fact]
    public async Task ReadAsync_BadDate_NamesShaAndText()
    {
        var parser = Parser(Header(date: "yesterday") + "\0");

        var act = async () => await parser.ReadAsync(CancellationToken.None);

        var error = (await act.Should().ThrowAsync<GitOutputParseException>()).Which;
        error.Sha.Should().Be(Sha);
        error.Text.Should().Be("yesterday");
        error.Message.Should().Contain(Sha).And.Contain("'yesterday'").And.Contain("/repo");
    }

    [Fact]
    public async Task ReadAsync_BadNumstatCount_NamesShaAndText()
    {
        var parser = Parser(Header() + "\0\n:000000 100644 0000 1111 A\0a.txt\0x\t1\ta.txt\0");

        var act = async () => await parser.ReadAsync(CancellationToken.None);

        var error = (await act.Should().ThrowAsync<GitOutputParseException>()).Which;
        error.Sha.Should().Be(Sha);
        error.Text.Should().Be("x\t1\ta.txt");
    }

    [Fact]
    public async Task ReadAsync_OutputEndsInsideHeader_ReportsParseError()
    {
        var parser = Parser($"\u0001{Sha}\0\0Ada\0");

        var act = async () => await parser.ReadAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<GitOutputParseException>()).Which.Sha.Should().Be(Sha);
    }

    [Fact]
    public async Task ReadAsync_NumstatWithoutRawEntry_ReportsParseError()
    {
        var parser = Parser(Header() + "\0\n1\t1\ta.txt\0");

        var act = async () => await parser.ReadAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<GitOutputParseException>()).Which.Message.Should().Contain("differ in number");
    }

    [Fact]
    public async Task ReadAsync_WellFormedCommit_ParsesEveryField()
    {
        var parser = Parser(
            Header(parents: "aaaa bbbb") + "\0\n:100644 100644 1 2 R090\0old name\0new\tname\0:000000 100644 0 3 A\0bin\0"
            + "3\t1\t\0old name\0new\tname\0-\t-\tbin\0");

        var record = await parser.ReadAsync(CancellationToken.None);
        var end = await parser.ReadAsync(CancellationToken.None);

        end.Should().BeNull();
        record!.Commit.ParentCount.Should().Be(2);
        record.Commit.Title.Should().Be("title");
        record.Commit.AuthoredAt.Should().Be(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        record.Commit.AuthoredAt.Offset.Should().Be(TimeSpan.FromHours(2));
        record.Commit.Additions.Should().Be(3);
        record.Commit.Deletions.Should().Be(1);
        record.Files.Should().Equal(
            new FileChange("git", "owner/name", Sha, "new\tname", "old name", FileChangeKind.Renamed, 3, 1),
            new FileChange("git", "owner/name", Sha, "bin", null, FileChangeKind.Added, null, null));
        record.Committer.SourceId.Should().Be("bob@example.com");
    }

    [Fact]
    public async Task ReadAsync_NextHeaderArrived_ReturnsCommitWithoutReadingFurther()
    {
        var other = "fedcba9876543210fedcba9876543210fedcba98";
        var parser = new GitLogParser(
            new NulTokenReader(new OneShotStream(Encoding.UTF8.GetBytes(Header() + "\0"), Encoding.UTF8.GetBytes($"\u0001{other}\0"))),
            "owner/name",
            "/repo");

        var record = await parser.ReadAsync(CancellationToken.None);

        record!.Commit.Sha.Should().Be(Sha);
        parser.Ended.Should().BeFalse();
    }

    [Theory]
    [InlineData("Ada", "Ada@Example.COM", "ada@example.com", false)]
    [InlineData("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "49699333+dependabot[bot]@users.noreply.github.com", true)]
    [InlineData("Old Import", "", "old import", false)]
    [InlineData("", "", "(unknown)", false)]
    public void ToIdentity_NameAndEmail_KeysByLowerCasedEmail(string name, string email, string sourceId, bool isBot)
    {
        var identity = GitLogParser.ToIdentity(name, email);

        identity.Source.Should().Be("git");
        identity.SourceId.Should().Be(sourceId);
        identity.IsBot.Should().Be(isBot);
        identity.Name.Should().Be(name.Length == 0 ? null : name);
        identity.Email.Should().Be(email.Length == 0 ? null : email);
    }
}
