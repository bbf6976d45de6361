using System.Runtime.CompilerServices;
using Analytics.Domain.Code;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Ownership;

/// <summary>
/// Reads a repository's history from the store as <see cref="AuthoredCommit"/>s: commits and file changes are streamed
/// side by side, both ordered by hash, and joined as they go, so memory holds one commit at a time however long the
/// history is. The commits come in hash order, which the ledger does not mind.
/// </summary>
internal static class StoredHistory
{
    /// <summary>The commits of <paramref name="repository"/> committed before <paramref name="before"/>, with their files.</summary>
    /// <remarks>File changes whose commit is not in the store (or is committed later) are skipped.</remarks>
    public static async IAsyncEnumerable<AuthoredCommit> ReadAsync(
        IStore store,
        string repository,
        DateTimeOffset before,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var commits = store.ReadAsync(Entities.Commits, StoreQuery.All.Where("repository", repository), cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            var hasCommit = await commits.MoveNextAsync();
            var files = new List<FileChange>();
            string? sha = null;
            await foreach (var change in store.ReadAsync(Entities.FileChanges, StoreQuery.All.Where("repository", repository), cancellationToken))
            {
                if (sha is not null && change.Sha != sha)
                {
                    if (await JoinAsync(sha) is { } joined)
                    {
                        yield return joined;
                    }

                    files = [];
                }

                sha = change.Sha;
                files.Add(change);
            }

            if (sha is not null && await JoinAsync(sha) is { } last)
            {
                yield return last;
            }

            async Task<AuthoredCommit?> JoinAsync(string wanted)
            {
                // Both streams are in key order (repository, sha): skip commits without file changes (merges).
                while (hasCommit && string.CompareOrdinal(commits.Current.Sha, wanted) < 0)
                {
                    hasCommit = await commits.MoveNextAsync();
                }

                if (!hasCommit || commits.Current.Sha != wanted || commits.Current.CommittedAt >= before)
                {
                    return null;
                }

                var commit = commits.Current;
                return new AuthoredCommit(
                    commit.Sha,
                    AuthoredCommit.AccountOf(commit.AuthorName, commit.AuthorEmail),
                    commit.AuthorName,
                    commit.AuthoredAt,
                    commit.CommittedAt,
                    files);
            }
        }
        finally
        {
            await commits.DisposeAsync();
        }
    }
}
