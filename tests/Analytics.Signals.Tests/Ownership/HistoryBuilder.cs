using Analytics.Domain.Code;
using Analytics.Signals.Ownership;

namespace Analytics.Signals.Tests.Ownership;

/// <summary>Builds a hand-made history: each commit is one author's changes, one hour after the previous one.</summary>
internal sealed class HistoryBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<AuthoredCommit> _commits = [];

    public IReadOnlyList<AuthoredCommit> Commits => _commits;

    public DateTimeOffset Next => Start.AddHours(_commits.Count);

    public HistoryBuilder Add(string author, params string[] paths) =>
        Commit(author, paths.Select(p => Change(FileChangeKind.Added, p)).ToArray());

    public HistoryBuilder Modify(string author, params string[] paths) =>
        Commit(author, paths.Select(p => Change(FileChangeKind.Modified, p)).ToArray());

    public HistoryBuilder Delete(string author, params string[] paths) =>
        Commit(author, paths.Select(p => Change(FileChangeKind.Deleted, p)).ToArray());

    public HistoryBuilder Rename(string author, string from, string to) =>
        Commit(author, Change(FileChangeKind.Renamed, to, from));

    /// <summary>A commit by <paramref name="author"/> (an e-mail; the name is the part before '@' unless given).</summary>
    public HistoryBuilder Commit(string author, params FileChange[] files) => CommitAt(author, Next, files);

    public HistoryBuilder CommitAt(string author, DateTimeOffset at, params FileChange[] files)
    {
        var (email, name) = author.Contains('|', StringComparison.Ordinal)
            ? (author.Split('|')[1], author.Split('|')[0])
            : (author, author.Split('@')[0]);
        var sha = $"{_commits.Count + 1:x40}";
        _commits.Add(new AuthoredCommit(sha, AuthoredCommit.AccountOf(name, email), name, at, at,
            files.Select(f => f with { Sha = sha }).ToList()));
        return this;
    }

    public static FileChange Change(FileChangeKind kind, string path, string? oldPath = null) =>
        new("git", "acme/api", "0", path, oldPath, kind, 1, 0);

    public AuthorshipMap Build(TruckFactorOptions? options = null, DateTimeOffset? asOf = null, bool reversed = false)
    {
        var ledger = new AuthorshipLedger(options ?? new TruckFactorOptions { Exclusions = [] }, asOf ?? Next);
        foreach (var commit in reversed ? _commits.AsEnumerable().Reverse() : _commits)
        {
            ledger.Add(commit);
        }

        return ledger.Build(_ => null);
    }
}
