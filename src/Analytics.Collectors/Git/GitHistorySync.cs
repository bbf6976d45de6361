using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Git;

/// <summary>
/// Brings a local clone's history into the store, incrementally: only commits after the stored cursor are read, and the
/// records and the new cursor are committed in one transaction, so an interrupted sync leaves the store as it was and
/// the next one starts from the same place. A rewritten history (the cursor is no longer an ancestor) is read in full.
/// </summary>
public sealed class GitHistorySync(IStore store, GitHistoryReader reader)
{
    /// <summary>The source name of records from local clones, and of their cursors.</summary>
    public const string Source = "git";

    private const int BatchSize = 2_000;

    /// <summary>Syncs one clone.</summary>
    /// <param name="clonePath">The clone's top folder.</param>
    /// <param name="progress">Told the number of commits read so far.</param>
    /// <param name="cancellationToken">Cancels the sync; nothing is kept.</param>
    /// <exception cref="GitException">git failed, or the folder is not a repository: nothing was stored.</exception>
    public async Task<GitSyncResult> SyncAsync(string clonePath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var info = await reader.GetRepositoryInfoAsync(clonePath, cancellationToken);
        var cursor = await store.GetCursorAsync(Source, info.Name, cancellationToken);
        if (info.HeadSha is null || cursor == info.HeadSha)
        {
            return new GitSyncResult(info.Name, 0, 0, info.HeadSha, false);
        }

        try
        {
            return await ReadAsync(info, cursor, progress, cancellationToken);
        }
        catch (GitHistoryRewrittenException)
        {
            return await ReadAsync(info, null, progress, cancellationToken);
        }
    }

    private async Task<GitSyncResult> ReadAsync(GitRepositoryInfo info, string? since, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var repository = new Repository(Source, info.Name, info.Name, info.DefaultBranch ?? "main", info.RemoteUrl, false, null);
        var changed = (await writer.UpsertAsync(Entities.Repositories, [repository], cancellationToken)).Changed;
        var commits = new List<Commit>(BatchSize);
        var files = new List<FileChange>();
        var accounts = new Dictionary<string, Identity>(StringComparer.Ordinal);
        string? head = null;
        var count = 0;
        await foreach (var record in reader.ReadAsync(info.Path, since, cancellationToken))
        {
            head ??= record.Commit.Sha;
            commits.Add(record.Commit with { Repository = info.Name });
            files.AddRange(record.Files.Select(f => f with { Repository = info.Name }));
            accounts.TryAdd(record.Author.SourceId, record.Author);
            accounts.TryAdd(record.Committer.SourceId, record.Committer);
            count++;
            if (commits.Count == BatchSize)
            {
                changed += await FlushAsync(writer, commits, files, cancellationToken);
                progress?.Report(count);
            }
        }

        changed += await FlushAsync(writer, commits, files, cancellationToken);
        changed += (await writer.UpsertAsync(Entities.Identities, accounts.Values.ToList(), cancellationToken)).Changed;
        if (head is not null)
        {
            await writer.SetCursorAsync(Source, info.Name, head, cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        progress?.Report(count);
        return new GitSyncResult(info.Name, count, changed, head ?? info.HeadSha, since is null);
    }

    private static async Task<int> FlushAsync(IStoreWriter writer, List<Commit> commits, List<FileChange> files, CancellationToken cancellationToken)
    {
        var changed = (await writer.UpsertAsync(Entities.Commits, commits, cancellationToken)).Changed
            + (await writer.UpsertAsync(Entities.FileChanges, files, cancellationToken)).Changed;
        commits.Clear();
        files.Clear();
        return changed;
    }
}
