using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Domain.Tests.People;

public sealed class IdentityResolverTests
{
    private static readonly TeamMember[] NoMembers = [];
    private static readonly string[] NoBots = [];

    [Fact]
    public void Resolve_ConfiguredMember_MergesTheMembersAccountsUnderMemberId()
    {
        var member = new TeamMember(
            "alice", "Alice Smith", ValueList.Of(new IdentityRef("github", "asmith"), new IdentityRef("jira", "557058:a1")));
        Identity[] identities =
        [
            Account("github", "asmith", name: "A. Smith"),
            Account("jira", "557058:a1", name: "Alice S."),
            Account("github", "someone-else"),
        ];

        var directory = IdentityResolver.Resolve(identities, [member], NoBots);

        var alice = directory.Find("github", "asmith");
        alice.Should().NotBeNull();
        alice!.Id.Should().Be("alice");
        alice.DisplayName.Should().Be("Alice Smith", "the configured name wins over the sources' names");
        alice.IsBot.Should().BeFalse();
        // Sorted by "source:account", ordinal: "github:asmith" < "jira:557058:a1".
        alice.Accounts.Should().Equal(new IdentityRef("github", "asmith"), new IdentityRef("jira", "557058:a1"));
        directory.Find("jira", "557058:a1").Should().BeSameAs(alice);
        directory.Find("github", "someone-else")!.Id.Should().NotBe("alice");
        directory.People.Should().HaveCount(2);
    }

    [Fact]
    public void Resolve_ConfiguredGitEmail_ClaimsAnAccountOfAnotherSourceWithThatEmail()
    {
        // No git identity was collected for bob@example.com, but the Jira account carries that address.
        var member = new TeamMember("bob", "Bob", ValueList.Of(new IdentityRef("git", "bob@example.com")));
        Identity[] identities = [Account("jira", "557058:b2", email: "Bob@Example.com")];

        var directory = IdentityResolver.Resolve(identities, [member], NoBots);

        directory.Find("jira", "557058:b2")!.Id.Should().Be("bob");
        directory.People.Should().ContainSingle();
    }

    [Fact]
    public void Resolve_ConfiguredAccountNeverSeen_StillFindsTheMember()
    {
        var member = new TeamMember("erin", "Erin", ValueList.Of(new IdentityRef("pagerduty", "PX1")));

        var directory = IdentityResolver.Resolve([], [member], NoBots);

        directory.People.Should().ContainSingle().Which.Id.Should().Be("erin");
        directory.Find("pagerduty", "PX1")!.DisplayName.Should().Be("Erin");
    }

    [Fact]
    public void Resolve_SameHintIgnoringCase_MergesAndUsesHintAsId()
    {
        Identity[] identities =
        [
            Account("jira", "557058:b2", name: "Bob (Jira)", hint: "BOB"),
            Account("github", "bobby", name: "Bob", hint: "bob"),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        var bob = directory.People.Should().ContainSingle().Subject;
        // Identities are read in account order ("github:bobby" < "jira:557058:b2"), so github's hint and name come first.
        bob.Id.Should().Be("bob");
        bob.DisplayName.Should().Be("Bob");
        directory.Find("jira", "557058:b2").Should().BeSameAs(bob);
    }

    [Fact]
    public void Resolve_SharedEmailIgnoringCase_MergesGitAndGitHubAndJira()
    {
        Identity[] identities =
        [
            Account("github", "carol-c", name: "Carol", email: "Carol@Example.com"),
            Account("git", "carol@example.com", name: "carol"),
            Account("jira", "557058:c3", name: "Carol C.", email: " CAROL@EXAMPLE.COM "),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        var carol = directory.People.Should().ContainSingle().Subject;
        // No member and no hint: the id is the first account in ordinal order of "source:account":
        // "git:carol@example.com" < "github:carol-c" because ':' (0x3A) sorts before 'h' (0x68).
        carol.Id.Should().Be("git:carol@example.com");
        carol.DisplayName.Should().Be("carol", "the name of the first account in that order");
        carol.Accounts.Should().HaveCount(3);
    }

    [Fact]
    public void Resolve_DifferentEmails_KeepsPeopleApart()
    {
        Identity[] identities =
        [
            Account("git", "dan@example.com"),
            Account("git", "dana@example.com"),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        directory.People.Select(p => p.Id).Should().Equal("git:dan@example.com", "git:dana@example.com");
    }

    [Theory]
    [InlineData("12345+dave@users.noreply.github.com")]
    [InlineData("dave@users.noreply.github.com")]
    [InlineData("12345+Dave@Users.NoReply.GitHub.com")]
    public void Resolve_GitHubNoReplyEmail_LinksGitAccountToLogin(string email)
    {
        Identity[] identities =
        [
            Account("git", email, name: "Dave D"),
            Account("github", "dave", name: "Dave"),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        directory.People.Should().ContainSingle();
        directory.Find("git", email).Should().BeSameAs(directory.Find("github", "dave"));
    }

    [Fact]
    public void Resolve_NoReplyEmailInEmailField_LinksToLoginEvenWithoutGitHubIdentity()
    {
        var gitAccount = Account("git", "Frank Old Laptop", email: "999+frank@users.noreply.github.com");

        var directory = IdentityResolver.Resolve([gitAccount], NoMembers, NoBots);

        var frank = directory.Find("github", "frank");
        frank.Should().NotBeNull("the no-reply address names the GitHub login even before GitHub is collected");
        directory.Find("git", "Frank Old Laptop").Should().BeSameAs(frank);
    }

    [Fact]
    public void Resolve_OrdinaryEmail_DoesNotLinkToGitHubLogin()
    {
        Identity[] identities =
        [
            Account("git", "gina@example.com"),
            Account("github", "gina"),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        directory.People.Should().HaveCount(2);
    }

    [Fact]
    public void Resolve_TransitiveLinks_MergeIntoOnePerson()
    {
        // git <-> github by e-mail, github <-> jira by hint: all three are one person.
        Identity[] identities =
        [
            Account("git", "hal@example.com"),
            Account("github", "hal", email: "hal@example.com", hint: "hal"),
            Account("jira", "557058:h8", hint: "hal"),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        directory.People.Should().ContainSingle().Which.Accounts.Should().HaveCount(3);
    }

    [Fact]
    public void Resolve_BotFlag_MarksPersonAsBot()
    {
        var directory = IdentityResolver.Resolve([Account("github", "renovate", isBot: true)], NoMembers, NoBots);

        directory.Find("github", "renovate")!.IsBot.Should().BeTrue();
    }

    [Fact]
    public void Resolve_BotSuffix_MarksPersonAsBot()
    {
        Identity[] identities =
        [
            Account("github", "dependabot[bot]"),
            Account("git", "49699333+dependabot[bot]@users.noreply.github.com"),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        var bot = directory.People.Should().ContainSingle("the no-reply address links the git account to the bot login").Subject;
        bot.IsBot.Should().BeTrue();
    }

    [Fact]
    public void Resolve_ConfiguredBotListIgnoringCase_MarksPersonAsBot()
    {
        Identity[] identities =
        [
            Account("git", "ci@build.example.com", name: "Build Robot"),
            Account("github", "ivy"),
        ];

        var directory = IdentityResolver.Resolve(identities, NoMembers, ["CI@Build.Example.com"]);

        directory.Find("git", "ci@build.example.com")!.IsBot.Should().BeTrue();
        directory.Find("github", "ivy")!.IsBot.Should().BeFalse();
    }

    [Fact]
    public void Resolve_HumanMergedWithBotAccount_WholePersonIsBot()
    {
        var member = new TeamMember(
            "ops", "Ops", ValueList.Of(new IdentityRef("github", "ops-human"), new IdentityRef("github", "ops-automation")));
        Identity[] identities = [Account("github", "ops-human"), Account("github", "ops-automation", isBot: true)];

        var directory = IdentityResolver.Resolve(identities, [member], NoBots);

        directory.Find("github", "ops-human")!.IsBot.Should().BeTrue();
    }

    [Fact]
    public void Resolve_NoNameAnywhere_UsesAccountAsName()
    {
        var directory = IdentityResolver.Resolve([Account("github", "jo")], NoMembers, NoBots);

        var jo = directory.People.Should().ContainSingle().Subject;
        jo.Id.Should().Be("github:jo");
        jo.DisplayName.Should().Be("jo");
    }

    [Fact]
    public void Find_UnknownOrNullAccount_ReturnsNull()
    {
        var directory = IdentityResolver.Resolve([Account("github", "kim")], NoMembers, NoBots);

        directory.Find("github", "nobody").Should().BeNull();
        directory.Find("github", null).Should().BeNull();
        directory.Find("jira", "kim").Should().BeNull("accounts are per source");
        directory.Find("GitHub", "KIM").Should().NotBeNull("sources and accounts compare ignoring case");
    }

    [Fact]
    public void People_SeveralPeople_OrderedById()
    {
        Identity[] identities = [Account("github", "zed"), Account("github", "amy"), Account("git", "max@example.com")];

        var directory = IdentityResolver.Resolve(identities, NoMembers, NoBots);

        // Ordinal: "git:max@example.com" < "github:amy" < "github:zed".
        directory.People.Select(p => p.Id).Should().Equal("git:max@example.com", "github:amy", "github:zed");
    }

    [Fact]
    public void Resolve_NullArgument_Throws()
    {
        var act = () => IdentityResolver.Resolve(null!, NoMembers, NoBots);

        act.Should().Throw<ArgumentNullException>().WithParameterName("identities");
    }

    [Fact]
    public void Identity_BlankSourceId_Throws()
    {
        var act = () => Account("github", " ");

        act.Should().Throw<ArgumentException>().WithParameterName("SourceId");
    }

    private static Identity Account(
        string source, string account, string? name = null, string? email = null, bool isBot = false, string? hint = null) =>
        new(source, account, name, email, isBot, hint);
}
