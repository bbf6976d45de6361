using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// The removal half of a full refresh (<see cref="GitHubOptions.FullRefresh"/>): pull requests and workflow runs of the
/// repository stored within the refreshed range (from <see cref="GitHubOptions.Since"/>, or all) that GitHub no longer
/// lists are deleted, with their reviews, review comments, commits and files, or their attempts, jobs and steps, in
/// the transaction that writes what was listed.
/// </summary>
internal static class UpstreamDeletions
{
    /// <summary>Deletes what is stored but was not listed; returns the pull requests and runs removed.</summary>
    public static async Task<int> RemoveAsync(IStoreWriter writer, string repository, RepositoryBatch batch, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var listedPulls = batch.PullRequests.Select(p => p.SourceId).ToHashSet(StringComparer.Ordinal);
        var goneIds = new List<string>();
        var gonePulls = new List<object[]>();
        await foreach (var pull in writer.ReadAsync(Entities.PullRequests, Query(repository), cancellationToken))
        {
            if ((since is null || pull.UpdatedAt >= since) && !listedPulls.Contains(pull.SourceId))
            {
                goneIds.Add(pull.SourceId);
                gonePulls.Add(KeyOf(Entities.PullRequests, pull));
            }
        }

        foreach (var id in goneIds)
        {
            var children = StoreQuery.All.Where("source", GitHubMapper.Source).Where("pull_request_id", id);
            await DeleteAllAsync(writer, Entities.Reviews, children, cancellationToken);
            await DeleteAllAsync(writer, Entities.ReviewComments, children, cancellationToken);
            await DeleteAllAsync(writer, Entities.PullRequestCommits, children, cancellationToken);
            await DeleteAllAsync(writer, Entities.PullRequestFiles, children, cancellationToken);
        }

        await Delete(writer, Entities.PullRequests, gonePulls, cancellationToken);

        // A run is in range when its first attempt was queued (created) in it, as the run list is filtered.
        var listedRuns = batch.Runs.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var stored = new List<Analytics.Domain.Ci.WorkflowRun>();
        await foreach (var run in writer.ReadAsync(Entities.WorkflowRuns, Query(repository), cancellationToken))
        {
            stored.Add(run);
        }

        var goneRuns = stored.GroupBy(r => r.RunId, StringComparer.Ordinal)
            .Where(g => !listedRuns.Contains(g.Key) && (since is null || g.Min(r => r.QueuedAt) >= since))
            .ToList();
        foreach (var run in goneRuns)
        {
            var jobs = new List<string>();
            await foreach (var job in writer.ReadAsync(Entities.CiJobs, Query(repository).Where("run_id", run.Key), cancellationToken))
            {
                jobs.Add(job.JobId);
            }

            foreach (var job in jobs)
            {
                await DeleteAllAsync(writer, Entities.CiSteps, Query(repository).Where("job_id", job), cancellationToken);
            }

            await DeleteAllAsync(writer, Entities.CiJobs, Query(repository).Where("run_id", run.Key), cancellationToken);
            await Delete(writer, Entities.WorkflowRuns, run.Select(r => KeyOf(Entities.WorkflowRuns, r)).ToList(), cancellationToken);
        }

        return gonePulls.Count + goneRuns.Count;
    }

    private static StoreQuery Query(string repository) => StoreQuery.All.Where("source", GitHubMapper.Source).Where("repository", repository);

    private static async Task DeleteAllAsync<T>(IStoreWriter writer, EntityMap<T> map, StoreQuery query, CancellationToken cancellationToken)
        where T : class
    {
        var keys = new List<object[]>();
        await foreach (var record in writer.ReadAsync(map, query, cancellationToken))
        {
            keys.Add(KeyOf(map, record));
        }

        await Delete(writer, map, keys, cancellationToken);
    }

    private static async Task Delete(IStoreWriter writer, EntityMap map, List<object[]> keys, CancellationToken cancellationToken)
    {
        if (keys.Count > 0)
        {
            await writer.DeleteAsync(map, keys, cancellationToken);
        }
    }

    private static object[] KeyOf<T>(EntityMap<T> map, T record)
        where T : class
    {
        var values = map.ValuesOf(record);
        return map.KeyColumns.Select(c => values[map.IndexOf(c.Name)]!).ToArray();
    }
}
