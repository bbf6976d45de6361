using System.Runtime.CompilerServices;

namespace Analytics.Collectors.Git;

/// <summary>
/// Streams the history of a local git clone as <see cref="GitCommitRecord"/>s by running the <c>git</c> CLI
/// (LibGit2Sharp has no native binaries here). Output is parsed as it arrives, one commit at a time, so memory does not
/// grow with the length of the history. Every git failure (exit code, or an <c>error:</c>/<c>fatal:</c> line on stderr
/// such as a missing object) ends the read with a <see cref="GitException"/>: a truncated history is never returned as
/// a short result.
/// </summary>
public sealed class GitHistoryReader
{
    private const string UnbornHeadProblem = "HEAD names no commit although the repository has refs";

    private readonly GitProcess _git;

    /// <summary>Creates a reader that runs <c>git</c> from <c>PATH</c>.</summary>
    public GitHistoryReader()
        : this(new GitOptions())
    {
    }

    /// <summary>Creates a reader with the given options.</summary>
    /// <exception cref="ArgumentException">The executable is blank.</exception>
    public GitHistoryReader(GitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _git = new GitProcess(options.Executable);
    }

    /// <summary>
    /// Reads the commits reachable from HEAD, or only those not reachable from <paramref name="sinceSha"/>
    /// (<c>sinceSha..HEAD</c>).
    /// <para>
    /// Order: git's default order, newest first (parents never before their children only in a history without clock
    /// skew). <c>--reverse</c> is not used because git buffers the whole walk before printing the first commit. The first
    /// record is always HEAD as it was when the read started, so a caller that keeps a cursor stores the first record's
    /// sha as its next <paramref name="sinceSha"/>, and only once the enumeration has completed without an exception.
    /// </para>
    /// <para>
    /// Contents: rename detection is on (<c>-M</c>); copies are not searched for. A merge commit is recorded (its
    /// <c>ParentCount</c> is 2 or more) without file changes and with zero additions and deletions: the changes it brings
    /// are attributed to the commits that made them, and its own conflict resolutions are not counted. Names and
    /// e-mails honour <c>.mailmap</c>. Binary files have null line counts.
    /// </para>
    /// <para>
    /// An empty repository (HEAD names no commit and there are no refs) yields nothing. A shallow clone is an error,
    /// because its history is cut short.
    /// </para>
    /// </summary>
    /// <param name="clonePath">The clone's top folder (or a bare repository); parent folders are not searched.</param>
    /// <param name="sinceSha">The newest commit already read (full or abbreviated), or null to read everything.</param>
    /// <param name="ct">Cancels the read; the git process is killed.</param>
    /// <returns>The commits, each with its file changes and author and committer accounts.</returns>
    /// <exception cref="ArgumentException"><paramref name="clonePath"/> is blank, or <paramref name="sinceSha"/> is not a hash.</exception>
    /// <exception cref="NotAGitRepositoryException">The folder does not exist or is not a repository (raised on enumeration).</exception>
    /// <exception cref="GitHistoryRewrittenException"><paramref name="sinceSha"/> is missing or not an ancestor of HEAD.</exception>
    /// <exception cref="GitCommandException">git failed or reported an error, corruption included.</exception>
    /// <exception cref="GitOutputParseException">git's output could not be parsed; names the commit and the text.</exception>
    /// <exception cref="GitException">git could not be started, or the repository is shallow.</exception>
    public IAsyncEnumerable<GitCommitRecord> ReadAsync(string clonePath, string? sinceSha, CancellationToken ct) =>
        ReadAsync(clonePath, sinceSha, revision: null, ct);

    /// <summary>
    /// Reads like <see cref="ReadAsync(string, string?, CancellationToken)"/>, but from <paramref name="revision"/>
    /// (any commit-ish git understands: a hash, a tag, <c>HEAD~3</c>) instead of HEAD; the first record is that commit.
    /// </summary>
    /// <param name="clonePath">The clone's top folder (or a bare repository).</param>
    /// <param name="sinceSha">The newest commit already read, or null to read everything.</param>
    /// <param name="revision">The commit to read from; null for HEAD.</param>
    /// <param name="ct">Cancels the read; the git process is killed.</param>
    /// <exception cref="ArgumentException"><paramref name="clonePath"/> or <paramref name="revision"/> is blank, or <paramref name="sinceSha"/> is not a hash.</exception>
    /// <exception cref="GitException"><paramref name="revision"/> names no commit (raised on enumeration), or as for the other overload.</exception>
    public IAsyncEnumerable<GitCommitRecord> ReadAsync(string clonePath, string? sinceSha, string? revision, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clonePath);
        if (revision is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        }

        if (sinceSha is not null && !GitSha.IsHashLike(sinceSha))
        {
            throw new ArgumentException($"'{sinceSha}' is not a commit hash (4 to 64 hex digits)", nameof(sinceSha));
        }

        return ReadCoreAsync(Path.GetFullPath(clonePath), sinceSha, revision, ct);
    }

    /// <summary>Reads the clone's name, remote, HEAD and default branch.</summary>
    /// <param name="clonePath">The clone's top folder (or a bare repository).</param>
    /// <param name="ct">Cancels the git commands.</param>
    /// <returns>What the clone says about itself; see <see cref="GitRepositoryInfo"/> for the rules.</returns>
    /// <exception cref="ArgumentException"><paramref name="clonePath"/> is blank.</exception>
    /// <exception cref="NotAGitRepositoryException">The folder does not exist or is not a repository.</exception>
    /// <exception cref="GitCommandException">git failed or reported an error.</exception>
    /// <exception cref="GitException">git could not be started.</exception>
    public async Task<GitRepositoryInfo> GetRepositoryInfoAsync(string clonePath, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clonePath);
        var path = Path.GetFullPath(clonePath);
        await EnsureRepositoryAsync(path, ct);
        var remote = await GetRemoteUrlAsync(path, ct);
        var head = await GetHeadShaAsync(path, ct);
        var branch = await GetSymbolicRefAsync(path, "refs/remotes/origin/HEAD", ct);
        branch = branch is not null && branch.StartsWith("origin/", StringComparison.Ordinal)
            ? branch["origin/".Length..]
            : await GetSymbolicRefAsync(path, "HEAD", ct);
        return new GitRepositoryInfo(path, NameOf(path, remote), remote is null ? null : GitRemoteUrl.Redact(remote), head, branch);
    }

    private async IAsyncEnumerable<GitCommitRecord> ReadCoreAsync(
        string path, string? sinceSha, string? revision, [EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureRepositoryAsync(path, ct);
        var head = revision is null ? await GetHeadShaAsync(path, ct) : await ResolveRevisionAsync(path, revision, ct);
        if (head is null)
        {
            yield break;
        }

        var name = NameOf(path, await GetRemoteUrlAsync(path, ct));
        var range = new List<string> { head };
        if (sinceSha is not null)
        {
            var since = await ResolveSinceAsync(path, sinceSha, head, ct);
            if (since == head)
            {
                yield break;
            }

            range.Add("^" + since);
        }

        string[] arguments =
        [
            "log", "-z", "--format=" + GitLogParser.Format, "--raw", "--numstat", "--no-abbrev", "-M", "--root",
            "--diff-merges=off", "--use-mailmap", "--encoding=UTF-8", "--no-color", "--no-show-signature",
            "--no-ext-diff", "--no-textconv", "--no-relative", .. range, "--",
        ];
        var command = GitProcess.Describe(arguments);
        var process = _git.Start(path, arguments);
        try
        {
            using var registration = ct.Register(() => GitProcess.Stop(process));
            var standardError = GitProcess.ReadCappedAsync(process.StandardError, ct);
            var parser = new GitLogParser(new NulTokenReader(process.StandardOutput.BaseStream), name, path);
            while (true)
            {
                // The tokenizer may serve many commits from its buffer without touching the stream: check every time.
                ct.ThrowIfCancellationRequested();
                GitCommitRecord? record;
                GitOutputParseException? parseError = null;
                try
                {
                    record = await parser.ReadAsync(ct);
                }
                catch (GitOutputParseException ex)
                {
                    parseError = ex;
                    record = null;
                }

                if (parseError is not null || parser.Ended)
                {
                    // The last commit (or a parse failure) may be the effect of git dying mid-output: look at git's
                    // verdict first, so a truncated read is reported as git's error.
                    await DrainAsync(process.StandardOutput.BaseStream, ct);
                    await process.WaitForExitAsync(ct);
                    var error = await standardError;
                    if (process.ExitCode != 0 || GitProcess.SignalsError(error))
                    {
                        throw new GitCommandException(path, command, process.ExitCode, error, parseError);
                    }

                    if (parseError is not null)
                    {
                        throw parseError;
                    }
                }

                if (record is null)
                {
                    yield break;
                }

                yield return record;
            }
        }
        finally
        {
            GitProcess.Stop(process);
            process.Dispose();
        }
    }

    private static async Task DrainAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (await stream.ReadAsync(buffer, ct) > 0)
        {
        }
    }

    private static string NameOf(string path, string? remoteUrl)
    {
        if (GitRemoteUrl.TryGetFullName(remoteUrl) is { } fromRemote)
        {
            return fromRemote;
        }

        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        return folder.EndsWith(".git", StringComparison.OrdinalIgnoreCase) && folder.Length > 4 ? folder[..^4] : folder;
    }

    private async Task EnsureRepositoryAsync(string path, CancellationToken ct)
    {
        if (!Directory.Exists(path))
        {
            throw new NotAGitRepositoryException(path, "the folder does not exist");
        }

        string[] arguments = ["rev-parse", "--is-shallow-repository"];
        var output = await _git.RunAsync(path, arguments, ct);
        if (output.StandardError.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotAGitRepositoryException(path, output.StandardError.Trim());
        }

        Check(path, arguments, output);
        if (output.StandardOutput.Trim() == "true")
        {
            throw new GitException(
                path,
                $"'{path}' is a shallow clone, so its history is cut short; run 'git fetch --unshallow' before reading it");
        }
    }

    private async Task<string?> GetHeadShaAsync(string path, CancellationToken ct)
    {
        // No ^{commit}: peeling would read the object, and a missing object must fail the log loudly, not look empty.
        string[] arguments = ["rev-parse", "--quiet", "--verify", "HEAD"];
        var output = await _git.RunAsync(path, arguments, ct);
        if (output.ExitCode == 0 && !output.HasErrorOnStderr)
        {
            return output.StandardOutput.Trim();
        }

        if (output.ExitCode != 1 || output.StandardError.Trim().Length > 0)
        {
            throw Failure(path, arguments, output);
        }

        string[] anyRef = ["for-each-ref", "--count=1", "--format=%(refname)"];
        var refs = await _git.RunAsync(path, anyRef, ct);
        Check(path, anyRef, refs);
        if (refs.StandardOutput.Trim().Length > 0)
        {
            throw new GitException(
                path,
                $"{UnbornHeadProblem} in '{path}' (such as '{refs.StandardOutput.Trim()}'); check out a branch before reading it");
        }

        return null;
    }

    private async Task<string> ResolveRevisionAsync(string path, string revision, CancellationToken ct)
    {
        // "--end-of-options" keeps a revision that starts with '-' from being read as an option.
        string[] arguments = ["rev-parse", "--quiet", "--verify", "--end-of-options", revision + "^{commit}"];
        var output = await _git.RunAsync(path, arguments, ct);
        if (output.ExitCode != 0 || output.HasErrorOnStderr)
        {
            throw new GitException(path, $"'{revision}' names no commit in '{path}'");
        }

        return output.StandardOutput.Trim();
    }

    private async Task<string> ResolveSinceAsync(string path, string sinceSha, string head, CancellationToken ct)
    {
        string[] resolve = ["rev-parse", "--quiet", "--verify", sinceSha + "^{commit}"];
        var resolved = await _git.RunAsync(path, resolve, ct);
        if (resolved.ExitCode != 0 || resolved.HasErrorOnStderr)
        {
            throw new GitHistoryRewrittenException(path, sinceSha, head, "the commit is not in the repository instead");
        }

        var since = resolved.StandardOutput.Trim();
        string[] ancestor = ["merge-base", "--is-ancestor", since, head];
        var isAncestor = await _git.RunAsync(path, ancestor, ct);
        return isAncestor.ExitCode switch
        {
            0 when !isAncestor.HasErrorOnStderr => since,
            1 when !isAncestor.HasErrorOnStderr => throw new GitHistoryRewrittenException(path, sinceSha, head, "it is not an ancestor"),
            _ => throw Failure(path, ancestor, isAncestor),
        };
    }

    private async Task<string?> GetRemoteUrlAsync(string path, CancellationToken ct)
    {
        string[] arguments = ["config", "--get", "remote.origin.url"];
        var output = await _git.RunAsync(path, arguments, ct);
        if (output.ExitCode == 1 && output.StandardError.Trim().Length == 0)
        {
            return null;
        }

        Check(path, arguments, output);
        var url = output.StandardOutput.Trim();
        return url.Length == 0 ? null : url;
    }

    private async Task<string?> GetSymbolicRefAsync(string path, string name, CancellationToken ct)
    {
        string[] arguments = ["symbolic-ref", "--quiet", "--short", name];
        var output = await _git.RunAsync(path, arguments, ct);
        if (output.ExitCode == 1 && !output.HasErrorOnStderr)
        {
            return null;
        }

        Check(path, arguments, output);
        var value = output.StandardOutput.Trim();
        return value.Length == 0 ? null : value;
    }

    private static void Check(string path, string[] arguments, GitOutput output)
    {
        if (output.ExitCode != 0 || output.HasErrorOnStderr)
        {
            throw Failure(path, arguments, output);
        }
    }

    private static GitCommandException Failure(string path, string[] arguments, GitOutput output) =>
        new(path, GitProcess.Describe(arguments), output.ExitCode, output.StandardError);
}
