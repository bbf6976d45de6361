using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Collectors.Git;
using Analytics.Domain.Code;
using Analytics.Domain.People;

namespace Analytics.Collectors.Tests.Git;

public sealed class GitHistoryReaderTests
{
    private readonly GitHistoryReader _reader = new();

    [Fact]
    public async Task ReadAsync_LinearHistory_ReturnsNewestFirstWithExactCounts()
    {
        using var repo = TestRepository.Init("linear");
        repo.Write("a.txt", "1\n2\n3\n");
        repo.Write("b.txt", "x\n");
        var first = repo.Commit("Add a and b\n\nWith a body.");
        repo.Write("a.txt", "1\nTWO\n3\n4\n");
        File.Delete(Path.Combine(repo.Path, "b.txt"));
        var second = repo.Commit("Change a, drop b", "Grace Hopper", "Grace@Example.com");

        var records = await ReadAllAsync(repo.Path);

        records.Select(r => r.Commit.Sha).Should().Equal(second, first);
        var newest = records[0];
        // a.txt: line 2 replaced (+1 -1) and line 4 appended (+1): +2 -1; b.txt deleted: -1.
        newest.Files.Should().Equal(
            new FileChange("git", "linear", second, "a.txt", null, FileChangeKind.Modified, 2, 1),
            new FileChange("git", "linear", second, "b.txt", null, FileChangeKind.Deleted, 0, 1));
        newest.Commit.Should().Be(new Commit(
            "git", "linear", second, "Grace Hopper", "Grace@Example.com", TestRepository.DateOf(1),
            "Commit Bot", "bot@example.com", TestRepository.DateOf(1), ParentCount: 1, Additions: 2, Deletions: 2,
            Title: "Change a, drop b"));
        newest.Commit.AuthoredAt.Offset.Should().Be(TimeSpan.FromHours(2));
        newest.Author.Should().Be(new Identity("git", "grace@example.com", "Grace Hopper", "Grace@Example.com", false, null));
        newest.Committer.Should().Be(new Identity("git", "bot@example.com", "Commit Bot", "bot@example.com", false, null));
        var oldest = records[1];
        oldest.Commit.ParentCount.Should().Be(0);
        oldest.Commit.Title.Should().Be("Add a and b");
        oldest.Commit.AuthoredAt.Should().Be(TestRepository.DateOf(0));
        (oldest.Commit.Additions, oldest.Commit.Deletions).Should().Be((4, 0));
        oldest.Files.Should().Equal(
            new FileChange("git", "linear", first, "a.txt", null, FileChangeKind.Added, 3, 0),
            new FileChange("git", "linear", first, "b.txt", null, FileChangeKind.Added, 1, 0));
    }

    [Fact]
    public async Task ReadAsync_WithRevision_ReadsFromThatCommit()
    {
        using var repo = TestRepository.Init("revision");
        repo.Write("a.txt", "1\n");
        var first = repo.Commit("First");
        repo.Write("b.txt", "2\n");
        var second = repo.Commit("Second");
        repo.Write("c.txt", "3\n");
        repo.Commit("Third");

        var fromSecond = new List<GitCommitRecord>();
        await foreach (var record in _reader.ReadAsync(repo.Path, sinceSha: null, revision: "HEAD~1", default))
        {
            fromSecond.Add(record);
        }

        var missing = async () =>
        {
            await foreach (var record in _reader.ReadAsync(repo.Path, null, "no-such-branch", default))
            {
            }
        };

        fromSecond.Select(r => r.Commit.Sha).Should().Equal(second, first);
        (await missing.Should().ThrowAsync<GitException>()).Which.Message.Should().Contain("'no-such-branch' names no commit");
    }

    [Fact]
    public async Task ReadAsync_RenameWithModification_SetsOldPathAndKindRenamed()
    {
        using var repo = TestRepository.Init();
        var lines = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        repo.Write("src/old.txt", lines);
        repo.Commit("add");
        File.Delete(Path.Combine(repo.Path, "src/old.txt"));
        repo.Write("lib/new.txt", lines.Replace("line 7\n", "line seven\n", StringComparison.Ordinal));
        var sha = repo.Commit("move and edit");

        var records = await ReadAllAsync(repo.Path);

        records[0].Files.Should().Equal(
            new FileChange("git", "repo", sha, "lib/new.txt", "src/old.txt", FileChangeKind.Renamed, 1, 1));
        (records[0].Commit.Additions, records[0].Commit.Deletions).Should().Be((1, 1));
    }

    [Fact]
    public async Task ReadAsync_BinaryFile_HasNullCountsAndAddsNothingToTotals()
    {
        using var repo = TestRepository.Init();
        repo.WriteBytes("image.bin", [0, 1, 2, 0, 255, 0]);
        repo.Write("notes.txt", "one\ntwo\n");
        var sha = repo.Commit("binary");

        var records = await ReadAllAsync(repo.Path);

        records.Single().Files.Should().Equal(
            new FileChange("git", "repo", sha, "image.bin", null, FileChangeKind.Added, null, null),
            new FileChange("git", "repo", sha, "notes.txt", null, FileChangeKind.Added, 2, 0));
        (records[0].Commit.Additions, records[0].Commit.Deletions).Should().Be((2, 0));
    }

    [Fact]
    public async Task ReadAsync_PathsWithSpacesTabsUnicodeAndNewlines_AreExact()
    {
        using var repo = TestRepository.Init();
        string[] paths = ["dir with space/naïve file.txt", "tab\there.txt", "new\nline.txt", "日本語/ファイル.md", " lead.txt"];
        foreach (var path in paths)
        {
            repo.Write(path, "x\n");
        }

        repo.Commit("odd names");
        repo.Git("mv", "tab\there.txt", "moved\tto é.txt");
        repo.Commit("rename odd name");

        var records = await ReadAllAsync(repo.Path);

        records[1].Files.Select(f => f.Path).Should().BeEquivalentTo(paths);
        records[1].Files.Should().OnlyContain(f => f.Kind == FileChangeKind.Added && f.Additions == 1);
        var rename = records[0].Files.Single();
        (rename.Path, rename.OldPath, rename.Kind).Should().Be(("moved\tto é.txt", "tab\there.txt", FileChangeKind.Renamed));
    }

    [Fact]
    public async Task ReadAsync_MergeCommit_HasTwoParentsAndNoFiles()
    {
        using var repo = TestRepository.Init();
        repo.Write("a.txt", "a\n");
        repo.Commit("base");
        repo.Git("checkout", "--quiet", "-b", "feature");
        repo.Write("f.txt", "f\n");
        var feature = repo.Commit("feature work");
        repo.Git("checkout", "--quiet", "main");
        repo.Write("m.txt", "m\n");
        repo.Commit("main work");
        repo.Git("merge", "--quiet", "--no-ff", "--no-edit", "feature");
        var merge = repo.Head();

        var records = await ReadAllAsync(repo.Path);

        records.Should().HaveCount(4);
        var mergeRecord = records.Single(r => r.Commit.Sha == merge);
        mergeRecord.Commit.ParentCount.Should().Be(2);
        mergeRecord.Commit.IsMerge.Should().BeTrue();
        mergeRecord.Files.Should().BeEmpty();
        (mergeRecord.Commit.Additions, mergeRecord.Commit.Deletions).Should().Be((0, 0));
        records.Single(r => r.Commit.Sha == feature).Files.Select(f => f.Path).Should().Equal("f.txt");
    }

    [Fact]
    public async Task ReadAsync_Mailmap_MapsTwoEmailsToOneIdentity()
    {
        using var repo = TestRepository.Init();
        repo.Write(".mailmap", "Jo Dev <jo@new.example> <jo@old.example>\nJo Dev <jo@new.example> Jo <jo@other.example>\n");
        repo.Write("a.txt", "a\n");
        repo.Commit("old address", "jo", "jo@old.example");
        repo.Write("b.txt", "b\n");
        repo.Commit("other address", "Jo", "jo@other.example");

        var records = await ReadAllAsync(repo.Path);

        var expected = new Identity("git", "jo@new.example", "Jo Dev", "jo@new.example", false, null);
        records.Select(r => r.Author).Should().Equal(expected, expected);
        records.Should().OnlyContain(r => r.Commit.AuthorName == "Jo Dev" && r.Commit.AuthorEmail == "jo@new.example");
    }

    [Fact]
    public async Task ReadAsync_SinceSha_ReadsOnlyNewerCommits()
    {
        using var repo = TestRepository.Init();
        repo.Write("a.txt", "1\n");
        var first = repo.Commit("one");
        repo.Write("a.txt", "2\n");
        var second = repo.Commit("two");
        repo.Write("a.txt", "3\n");
        var third = repo.Commit("three");

        var fromFirst = await ReadAllAsync(repo.Path, first);
        var fromAbbreviated = await ReadAllAsync(repo.Path, second[..10]);
        var fromHead = await ReadAllAsync(repo.Path, third);

        fromFirst.Select(r => r.Commit.Sha).Should().Equal(third, second);
        fromAbbreviated.Select(r => r.Commit.Sha).Should().Equal(third);
        fromHead.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_SinceShaNoLongerAncestor_ThrowsHistoryRewritten()
    {
        using var repo = TestRepository.Init();
        repo.Write("a.txt", "1\n");
        var first = repo.Commit("one");
        repo.Write("a.txt", "2\n");
        var dropped = repo.Commit("two");
        repo.Git("reset", "--quiet", "--hard", first);
        repo.Write("a.txt", "other\n");
        var head = repo.Commit("two, rewritten");

        var act = () => ReadAllAsync(repo.Path, dropped);

        var error = (await act.Should().ThrowAsync<GitHistoryRewrittenException>()).Which;
        error.SinceSha.Should().Be(dropped);
        error.HeadSha.Should().Be(head);
        error.Message.Should().Contain(repo.Path).And.Contain("not an ancestor");
    }

    [Fact]
    public async Task ReadAsync_SinceShaUnknown_ThrowsHistoryRewritten()
    {
        using var repo = TestRepository.Init();
        repo.Write("a.txt", "1\n");
        repo.Commit("one");

        var act = () => ReadAllAsync(repo.Path, new string('e', 40));

        (await act.Should().ThrowAsync<GitHistoryRewrittenException>()).Which.Message.Should().Contain("not in the repository");
    }

    [Fact]
    public void ReadAsync_SinceNotAHash_ThrowsArgumentException()
    {
        var act = () => _reader.ReadAsync("/tmp", "HEAD~1", CancellationToken.None);

        act.Should().Throw<ArgumentException>().WithParameterName("sinceSha");
    }

    [Fact]
    public async Task ReadAsync_MissingBlobObject_ThrowsNamingPathAndGitMessage()
    {
        using var repo = TestRepository.Init();
        repo.Write("a.txt", "1\n");
        repo.Commit("one");
        repo.Write("a.txt", "2\n");
        repo.Commit("two");
        repo.Write("b.txt", "3\n");
        repo.Commit("three");
        var blob = repo.Git("rev-parse", "HEAD~2:a.txt").Trim();
        File.Delete(Path.Combine(repo.Path, ".git", "objects", blob[..2], blob[2..]));

        var act = () => ReadAllAsync(repo.Path);

        var error = (await act.Should().ThrowAsync<GitCommandException>()).Which;
        error.ExitCode.Should().NotBe(0);
        error.Message.Should().Contain(repo.Path).And.Contain("unable to read " + blob);
    }

    [Fact]
    public async Task ReadAsync_MissingCommitObject_ThrowsInsteadOfShortHistory()
    {
        using var repo = TestRepository.Init();
        for (var i = 0; i < 4; i++)
        {
            repo.Write("a.txt", $"{i}\n");
            repo.Commit($"c{i}");
        }

        var middle = repo.Git("rev-parse", "HEAD~2").Trim();
        File.Delete(Path.Combine(repo.Path, ".git", "objects", middle[..2], middle[2..]));

        var act = () => ReadAllAsync(repo.Path);

        (await act.Should().ThrowAsync<GitCommandException>()).Which.Message.Should().Contain(repo.Path).And.Contain(middle);
    }

    [Fact]
    public async Task ReadAsync_FolderIsNotARepository_ThrowsNotAGitRepository()
    {
        using var repo = TestRepository.Init("plain", init: false);

        var act = () => ReadAllAsync(repo.Path);

        (await act.Should().ThrowAsync<NotAGitRepositoryException>()).Which.Message.Should().Contain(repo.Path);
    }

    [Fact]
    public async Task ReadAsync_SubfolderOfARepository_ThrowsNotAGitRepository()
    {
        using var repo = TestRepository.Init();
        repo.Write("sub/a.txt", "a\n");
        repo.Commit("one");

        var act = () => ReadAllAsync(Path.Combine(repo.Path, "sub"));

        await act.Should().ThrowAsync<NotAGitRepositoryException>();
    }

    [Fact]
    public async Task ReadAsync_FolderMissing_ThrowsNotAGitRepository()
    {
        var act = () => ReadAllAsync(Path.Combine(Path.GetTempPath(), "analytics-git-missing-" + Guid.NewGuid().ToString("N")));

        (await act.Should().ThrowAsync<NotAGitRepositoryException>()).Which.Message.Should().Contain("does not exist");
    }

    [Fact]
    public async Task ReadAsync_EmptyRepository_YieldsNothing()
    {
        using var repo = TestRepository.Init();

        var records = await ReadAllAsync(repo.Path);

        records.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_HeadOnMissingBranchWithOtherRefs_ThrowsInsteadOfEmpty()
    {
        using var repo = TestRepository.Init();
        repo.Write("a.txt", "a\n");
        repo.Commit("one");
        repo.Git("symbolic-ref", "HEAD", "refs/heads/gone");

        var act = () => ReadAllAsync(repo.Path);

        (await act.Should().ThrowAsync<GitException>()).Which.Message.Should().Contain("refs/heads/main").And.Contain(repo.Path);
    }

    [Fact]
    public async Task ReadAsync_GitMissing_ThrowsNamingExecutable()
    {
        using var repo = TestRepository.Init();
        var reader = new GitHistoryReader(new GitOptions { Executable = "/nonexistent/bin/git" });

        var act = async () =>
        {
            await foreach (var unused in reader.ReadAsync(repo.Path, null, CancellationToken.None))
            {
            }
        };

        (await act.Should().ThrowAsync<GitException>()).Which.Message.Should().Contain("/nonexistent/bin/git");
    }

    [Fact]
    public async Task ReadAsync_ShallowClone_ThrowsInsteadOfShortHistory()
    {
        using var repo = TestRepository.Init();
        repo.Write("a.txt", "1\n");
        repo.Commit("one");
        repo.Write("a.txt", "2\n");
        repo.Commit("two");
        var clone = Path.Combine(repo.Root, "shallow");
        TestRepository.RunGit(repo.Root, "clone", "--quiet", "--depth", "1", "file://" + repo.Path, clone);

        var act = () => ReadAllAsync(clone);

        (await act.Should().ThrowAsync<GitException>()).Which.Message.Should().Contain("shallow");
    }

    [Fact]
    public async Task ReadAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var repo = TestRepository.Init();
        repo.FastImport(FastImportStream(50));
        using var cts = new CancellationTokenSource();
        var seen = 0;

        var act = async () =>
        {
            await foreach (var unused in _reader.ReadAsync(repo.Path, null, cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Be(1);
    }

    [Fact]
    public async Task ReadAsync_TwoThousandCommits_StreamsAllQuickly()
    {
        using var repo = TestRepository.Init("big");
        const int count = 2000;
        repo.FastImport(FastImportStream(count));
        var watch = Stopwatch.StartNew();

        var seen = 0;
        long additions = 0;
        string? newest = null;
        TimeSpan? firstAfter = null;
        await foreach (var record in _reader.ReadAsync(repo.Path, null, CancellationToken.None))
        {
            firstAfter ??= watch.Elapsed;
            newest ??= record.Commit.Title;
            seen++;
            additions += record.Commit.Additions;
        }

        seen.Should().Be(count);
        // Commit i (from 1) adds one line to its file: 2,000 lines in all.
        additions.Should().Be(count);
        newest.Should().Be($"commit {count}");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        firstAfter.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsEarly_YieldsNewestFirstAndStops()
    {
        using var repo = TestRepository.Init();
        repo.FastImport(FastImportStream(500));

        var taken = new List<GitCommitRecord>();
        await foreach (var record in _reader.ReadAsync(repo.Path, null, CancellationToken.None))
        {
            taken.Add(record);
            if (taken.Count == 3)
            {
                break;
            }
        }

        taken.Select(r => r.Commit.Title).Should().Equal("commit 500", "commit 499", "commit 498");
    }

    [Fact]
    public async Task GetRepositoryInfoAsync_HttpsRemoteWithToken_ReturnsOwnerNameAndRedactedUrl()
    {
        using var repo = TestRepository.Init("local-folder");
        repo.Write("a.txt", "a\n");
        var head = repo.Commit("one");
        repo.Git("remote", "add", "origin", "https://user:secret@github.com/acme/widgets.git");

        var info = await _reader.GetRepositoryInfoAsync(repo.Path, CancellationToken.None);
        var records = await ReadAllAsync(repo.Path);

        info.Should().Be(new GitRepositoryInfo(
            repo.Path, "acme/widgets", "https://github.com/acme/widgets.git", head, "main"));
        records.Single().Commit.Repository.Should().Be("acme/widgets");
    }

    [Fact]
    public async Task GetRepositoryInfoAsync_CloneOnFeatureBranch_ReturnsOriginDefaultBranch()
    {
        using var repo = TestRepository.Init("origin");
        repo.Write("a.txt", "a\n");
        repo.Commit("one");
        var clone = Path.Combine(repo.Root, "clone");
        TestRepository.RunGit(repo.Root, "clone", "--quiet", repo.Path, clone);
        TestRepository.RunGit(clone, "checkout", "--quiet", "-b", "feature");

        var info = await _reader.GetRepositoryInfoAsync(clone, CancellationToken.None);

        info.DefaultBranch.Should().Be("main");
        info.Name.Should().Be("clone");
        info.RemoteUrl.Should().Be(repo.Path);
    }

    [Fact]
    public async Task GetRepositoryInfoAsync_EmptyRepositoryWithSshRemote_HasNoHead()
    {
        using var repo = TestRepository.Init();
        repo.Git("remote", "add", "origin", "git@github.com:acme/empty.git");

        var info = await _reader.GetRepositoryInfoAsync(repo.Path, CancellationToken.None);

        info.Should().Be(new GitRepositoryInfo(repo.Path, "acme/empty", "git@github.com:acme/empty.git", null, "main"));
    }

    private async Task<List<GitCommitRecord>> ReadAllAsync(string path, string? sinceSha = null)
    {
        var records = new List<GitCommitRecord>();
        await foreach (var record in _reader.ReadAsync(path, sinceSha, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>A linear history of <paramref name="count"/> commits; commit i adds the line "i" to file (i mod 10).</summary>
    private static string FastImportStream(int count)
    {
        var text = new StringBuilder();
        var contents = new StringBuilder[10];
        for (var i = 0; i < contents.Length; i++)
        {
            contents[i] = new StringBuilder();
        }

        for (var i = 1; i <= count; i++)
        {
            var file = i % 10;
            contents[file].Append(CultureInfo.InvariantCulture, $"{i}\n");
            var data = contents[file].ToString();
            var message = $"commit {i}";
            var seconds = 1_700_000_000 + (i * 60);
            text.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nmark :{i}\n");
            text.Append(CultureInfo.InvariantCulture, $"author Dev {i % 7} <dev{i % 7}@example.com> {seconds} +0100\n");
            text.Append(CultureInfo.InvariantCulture, $"committer Dev {i % 7} <dev{i % 7}@example.com> {seconds} +0100\n");
            text.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            if (i > 1)
            {
                text.Append(CultureInfo.InvariantCulture, $"from :{i - 1}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"M 100644 inline src/file{file}.txt\ndata {Encoding.UTF8.GetByteCount(data)}\n{data}\n");
        }

        return text.ToString();
    }
}
