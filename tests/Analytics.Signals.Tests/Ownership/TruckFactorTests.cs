using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Ownership;

namespace Analytics.Signals.Tests.Ownership;

public sealed class TruckFactorTests
{
    private const string Ada = "ada@example.com";
    private const string Bob = "bob@example.com";
    private const string Cy = "cy@example.com";

    [Fact]
    public void TruckFactor_OneAuthorOwnsEverything_IsOne()
    {
        // Ada adds and changes all 3 files: each has one author, Ada. Coverage 3/3 ≥ 0.5 → remove Ada (TF 1); no author left.
        var map = new HistoryBuilder().Add(Ada, "a.cs", "b.cs", "c.cs").Modify(Ada, "a.cs").Build();

        var result = map.TruckFactor();

        result.TruckFactor.Should().Be(1);
        result.Files.Should().Be(3);
        result.Authors.Select(a => (a.Contributor.Id, a.Files, a.Share)).Should().Equal(("git:ada@example.com", 3, 1.0));
        result.OrphanedAfter.Should().Be(1);
    }

    [Fact]
    public void TruckFactor_TwoAuthorsEachOwnHalf_IsTwo()
    {
        // Ada authors a1, a2; Bob authors b1, b2. Coverage 4/4 → remove Ada (2 files; tie with Bob broken by id), TF 1.
        // Coverage 2/4 = 0.5 is not below 0.5 → remove Bob, TF 2. No author left: TF = 2 (the "> 50% orphaned" rule).
        var map = new HistoryBuilder().Add(Ada, "a1.cs", "a2.cs").Add(Bob, "b1.cs", "b2.cs").Build();

        var result = map.TruckFactor();

        result.TruckFactor.Should().Be(2);
        result.Authors.Select(a => a.Contributor.Name).Should().Equal("ada", "bob");
        result.Authors.Select(a => a.Share).Should().Equal(0.5, 0.5);
    }

    [Fact]
    public void TruckFactor_MajorityOwner_StopsOnceMoreThanHalfOrphaned()
    {
        // Ada authors 3 of 4 files, Bob 1. Coverage 1 → remove Ada (TF 1); coverage 1/4 < 0.5 → stop. TF = 1.
        var map = new HistoryBuilder().Add(Ada, "a1.cs", "a2.cs", "a3.cs").Add(Bob, "b1.cs").Build();

        map.TruckFactor().TruckFactor.Should().Be(1);
    }

    [Fact]
    public void Build_ManyChangesByAnother_ApplyTheNormalisedThreshold()
    {
        // f: Ada adds, Bob modifies 10 times. Ada: 3.293 + 1.098 − 0.321·ln 11 = 3.6213; Bob: 3.293 + 0.164·10 = 4.933.
        // Ada normalised 3.6213 / 4.933 = 0.734 ≤ 0.75 → only Bob. g: Bob modifies 9 times. Ada 4.391 − 0.321·ln 10 = 3.6519,
        // Bob 3.293 + 1.476 = 4.769; 3.6519 / 4.769 = 0.766 > 0.75 → both.
        var history = new HistoryBuilder().Add(Ada, "f.cs", "g.cs");
        for (var i = 0; i < 10; i++)
        {
            history.Modify(Bob, i < 9 ? ["f.cs", "g.cs"] : ["f.cs"]);
        }

        var map = history.Build();

        map.AuthorsOf("f.cs").Should().Equal("git:bob@example.com");
        map.AuthorsOf("g.cs").Should().Equal("git:ada@example.com", "git:bob@example.com");
    }

    [Fact]
    public void Build_Rename_KeepsTheOldPathsHistory()
    {
        // Ada adds and changes x.cs twice; Bob renames it to y.cs (one delivery). The history of x.cs is merged into y.cs:
        // Ada FA 1, DL 2, AC 1: 3.293 + 1.098 + 0.328 − 0.321·ln 2 = 4.4965; Bob DL 1, AC 2: 3.457 − 0.321·ln 3 = 3.1044,
        // normalised 0.69 → Ada alone. x.cs no longer exists.
        var map = new HistoryBuilder().Add(Ada, "x.cs").Modify(Ada, "x.cs").Modify(Ada, "x.cs").Rename(Bob, "x.cs", "y.cs").Build();

        map.AuthorsOf("y.cs").Should().Equal("git:ada@example.com");
        map.AuthorsOf("x.cs").Should().BeNull();
        map.FileCount.Should().Be(1);
    }

    [Fact]
    public void Build_DeletedFile_IsNotCounted_AndReAddedFileIs()
    {
        var map = new HistoryBuilder()
            .Add(Ada, "gone.cs", "back.cs", "kept.cs")
            .Delete(Bob, "gone.cs", "back.cs")
            .Add(Bob, "back.cs")
            .Build();

        map.Files.Select(f => f.Path).Should().Equal("back.cs", "kept.cs");
        // back.cs has two ADDED records: Ada (first author) and Bob (secondary author); both have FA = 1, DOA 4.391.
        map.AuthorsOf("back.cs").Should().Equal("git:ada@example.com", "git:bob@example.com");
    }

    [Fact]
    public void Build_AnyOrder_GivesTheSameAnswer()
    {
        var history = new HistoryBuilder()
            .Add(Ada, "src/a.cs", "src/b.cs").Modify(Bob, "src/a.cs").Rename(Cy, "src/b.cs", "lib/b.cs")
            .Delete(Ada, "src/a.cs").Add(Bob, "src/a.cs", "src/c.cs").Modify(Cy, "lib/b.cs");

        var forward = history.Build();
        var backward = history.Build(reversed: true);

        backward.Files.Select(f => (f.Path, string.Join(",", f.Authors))).Should()
            .Equal(forward.Files.Select(f => (f.Path, string.Join(",", f.Authors))));
        backward.TruckFactor().Should().BeEquivalentTo(forward.TruckFactor());
    }

    [Fact]
    public void Build_TwoEmailsOfOneName_AreOnePerson()
    {
        // Avelino's NewAliasHandler: identities sharing a name are unified. Ada's two e-mails author one file each.
        var map = new HistoryBuilder().Add("Ada Lovelace|ada@home.org", "a.cs").Add("Ada Lovelace|ada@work.com", "b.cs").Build();

        map.Contributors.Should().ContainSingle().Which.Accounts.Should().Equal("ada@home.org", "ada@work.com");
        map.TruckFactor().Authors.Should().ContainSingle().Which.Files.Should().Be(2);
    }

    [Fact]
    public void Build_ConfiguredMember_MergesAccountsWithDifferentNames()
    {
        var history = new HistoryBuilder().Add("Ada|ada@home.org", "a.cs").Add("A. Lovelace|ada@work.com", "b.cs");
        var ledger = new AuthorshipLedger(new TruckFactorOptions { Exclusions = [] }, history.Next);
        history.Commits.ToList().ForEach(ledger.Add);
        var ada = new TeamMember("ada", "Ada Lovelace", ValueList.Of(new IdentityRef("git", "ada@home.org"), new IdentityRef("git", "ada@work.com")));
        var people = IdentityResolver.Resolve([], [ada], []);

        var map = ledger.Build(account => people.Find("git", account));

        map.Contributors.Should().ContainSingle().Which.Should().Be(new Contributor("ada", "Ada Lovelace", ValueList.Of("ada@home.org", "ada@work.com")));
    }

    [Fact]
    public void Build_BotChanges_AreLeftOut()
    {
        // The bot's ten changes to a.cs are neither deliveries nor acceptances: Ada stays its only author; bot.lock,
        // changed by the bot alone, is not counted.
        var history = new HistoryBuilder().Add(Ada, "a.cs").Add("dependabot[bot]|bot@github.com", "bot.lock");
        for (var i = 0; i < 10; i++)
        {
            history.Modify("dependabot[bot]|bot@github.com", "a.cs");
        }

        var ledger = new AuthorshipLedger(new TruckFactorOptions { Exclusions = [] }, history.Next);
        history.Commits.ToList().ForEach(ledger.Add);
        var people = IdentityResolver.Resolve([new Identity("git", "bot@github.com", "dependabot[bot]", "bot@github.com", true, null)], [], []);

        var map = ledger.Build(account => people.Find("git", account));

        map.Files.Select(f => f.Path).Should().Equal("a.cs");
        map.AuthorsOf("a.cs").Should().Equal("git:ada@example.com");
        map.Contributors.Should().ContainSingle();
    }

    [Fact]
    public void Build_DefaultExclusions_LeaveOutVendoredAndDocs()
    {
        var map = new HistoryBuilder().Add(Ada, "src/a.cs", "vendor/lib.js", "web/node_modules/x/i.js", "docs/guide.md", "README.md", "app.min.js")
            .Build(TruckFactorOptions.Default);

        map.Files.Select(f => f.Path).Should().Equal("src/a.cs");
    }

    [Fact]
    public void Silos_FolderAuthoredByOnePerson_IsListedOnce()
    {
        // lib/ (5 files) and lib/inner/ (3 of them, under the 5-file minimum) are Cy's alone: one silo, lib/.
        // Repository: Ada 4, Bob 5, Cy 5 of 14 files: remove Bob (tie with Cy, smaller id) → 9/14 covered; remove Cy →
        // 4/14 < 0.5 → TF 2, no silo. app/: Ada 4 and Bob 4 of 8: remove Ada → 4/8 = 0.5, not below → remove Bob: TF 2.
        var map = new HistoryBuilder()
            .Add(Ada, "app/a1.cs", "app/a2.cs", "app/a3.cs", "app/a4.cs")
            .Add(Bob, "app/b1.cs", "app/b2.cs", "app/b3.cs", "app/b4.cs", "small/b5.cs")
            .Add(Cy, "lib/c1.cs", "lib/c2.cs", "lib/inner/c3.cs", "lib/inner/c4.cs", "lib/inner/c5.cs")
            .Build();

        map.TruckFactor().TruckFactor.Should().Be(2);
        var silo = map.Silos().Should().ContainSingle().Subject;
        silo.Folder.Should().Be("lib");
        silo.Files.Should().Be(5);
        silo.Owner.Name.Should().Be("cy");
        silo.OwnerShare.Should().Be(1);
        silo.SoleShare.Should().Be(1);
    }

    [Fact]
    public void Silos_NoRecentChange_AreNotActive()
    {
        var history = new HistoryBuilder().Add(Cy, "lib/c1.cs", "lib/c2.cs", "lib/c3.cs", "lib/c4.cs", "lib/c5.cs");

        history.Build(asOf: HistoryBuilder.Start.AddDays(91)).Silos().Should().BeEmpty();
        history.Build(asOf: HistoryBuilder.Start.AddDays(89)).Silos().Should().ContainSingle();
    }

    [Fact]
    public void Leaves_SoleAuthor_OrphansTheirFilesAndTipsTheirFolders()
    {
        // Ada is the only author of app/a1, app/a2, lib/l1 and core/*, and shares app/s1 with Bob (both added it: FA = 1,
        // DOA 4.391 each). Repository: 8 files, 6 orphaned after, 12 > 8 → tips. app/: 3 files, 2 after, 4 > 3 → tips.
        // core/: 3 of 3 → tips. lib/: 2 files, 1 after (lib/l2 is Bob's), 2 is not > 2 → does not tip.
        var map = new HistoryBuilder()
            .Add(Ada, "app/a1.cs", "app/a2.cs", "lib/l1.cs", "app/s1.cs", "core/k1.cs", "core/k2.cs", "core/k3.cs")
            .Add(Bob, "app/s1.cs", "lib/l2.cs")
            .Build();

        var impact = map.Leaves("ADA")!;

        impact.Person.Id.Should().Be("git:ada@example.com");
        impact.AuthoredFiles.Should().Be(7);
        impact.OrphanedFiles.Should().Equal("app/a1.cs", "app/a2.cs", "core/k1.cs", "core/k2.cs", "core/k3.cs", "lib/l1.cs");
        impact.Folders.Select(f => (f.Folder, f.Files, f.OrphanedBefore, f.OrphanedAfter, f.BecomesOrphaned)).Should().Equal(
            ("", 8, 0, 6, true),
            ("app", 3, 0, 2, true),
            ("core", 3, 0, 3, true),
            ("lib", 2, 0, 1, false));
        map.Leaves("nobody").Should().BeNull();
    }

    [Fact]
    public void Build_RecencyDecay_FavoursRecentChanges()
    {
        // f: Ada adds it and changes it 9 times 1,000 days before the as-of instant; Bob changes it 4 times at it.
        // No decay: Ada 3.293 + 1.098 + 1.476 − 0.321·ln 5 = 5.3504; Bob 3.293 + 0.656 − 0.321·ln 10 = 3.2099 → Ada only.
        // Half-life 30 days: Ada's weights are 2^(−33.3) ≈ 1e−10, so Ada ≈ 3.293 − 0.321·ln 5 = 2.7764 and
        // Bob ≈ 3.293 + 0.656 = 3.949; 2.7764 / 3.949 = 0.703 ≤ 0.75 → Bob only.
        var asOf = HistoryBuilder.Start.AddDays(1000);
        var history = new HistoryBuilder()
            .CommitAt(Ada, HistoryBuilder.Start, HistoryBuilder.Change(Analytics.Domain.Code.FileChangeKind.Added, "f.cs"));
        for (var i = 0; i < 9; i++)
        {
            history.CommitAt(Ada, HistoryBuilder.Start.AddHours(i + 1), HistoryBuilder.Change(Analytics.Domain.Code.FileChangeKind.Modified, "f.cs"));
        }

        for (var i = 0; i < 4; i++)
        {
            history.CommitAt(Bob, asOf.AddHours(-i), HistoryBuilder.Change(Analytics.Domain.Code.FileChangeKind.Modified, "f.cs"));
        }

        history.Build(asOf: asOf).AuthorsOf("f.cs").Should().Equal("git:ada@example.com");
        history.Build(new TruckFactorOptions { Exclusions = [], DecayHalfLife = TimeSpan.FromDays(30) }, asOf).AuthorsOf("f.cs")
            .Should().Equal("git:bob@example.com");
    }

    [Theory]
    [InlineData("**/vendor/**", "vendor/a.js", true)]
    [InlineData("**/vendor/**", "src/vendor/a/b.js", true)]
    [InlineData("**/vendor/**", "src/vendors.js", false)]
    [InlineData("*.md", "docs/deep/x.md", true)]
    [InlineData("docs/**", "src/docs/x.cs", false)]
    [InlineData("src/?.cs", "src/a.cs", true)]
    [InlineData("src/*.cs", "src/a/b.cs", false)]
    public void PathGlob_Patterns_MatchAsDocumented(string pattern, string path, bool expected) =>
        new PathGlob(pattern).IsMatch(path).Should().Be(expected);
}
