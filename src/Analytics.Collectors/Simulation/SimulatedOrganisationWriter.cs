using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Simulation;

/// <summary>Stores a simulated organisation, every entity in one transaction, as a collector would.</summary>
public static class SimulatedOrganisationWriter
{
    private const int BatchSize = 5_000;

    /// <summary>The organisation's records, entity by entity, in the order of <see cref="Entities.All"/>.</summary>
    public static IReadOnlyList<(EntityMap Map, IReadOnlyList<object> Records)> RecordsByEntity(SimulatedOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var byType = new Dictionary<Type, IReadOnlyList<object>>
        {
            [Entities.Repositories.RecordType] = organisation.Repositories.Cast<object>().ToList(),
            [Entities.Identities.RecordType] = organisation.Identities.Cast<object>().ToList(),
            [Entities.PullRequests.RecordType] = organisation.PullRequests.Cast<object>().ToList(),
            [Entities.Reviews.RecordType] = organisation.Reviews.Cast<object>().ToList(),
            [Entities.ReviewComments.RecordType] = organisation.ReviewComments.Cast<object>().ToList(),
            [Entities.PullRequestCommits.RecordType] = organisation.PullRequestCommits.Cast<object>().ToList(),
            [Entities.Commits.RecordType] = organisation.Commits.Cast<object>().ToList(),
            [Entities.FileChanges.RecordType] = organisation.FileChanges.Cast<object>().ToList(),
            [Entities.WorkflowRuns.RecordType] = organisation.WorkflowRuns.Cast<object>().ToList(),
            [Entities.CiJobs.RecordType] = organisation.CiJobs.Cast<object>().ToList(),
            [Entities.CiSteps.RecordType] = organisation.CiSteps.Cast<object>().ToList(),
            [Entities.TestCases.RecordType] = organisation.TestCases.Cast<object>().ToList(),
            [Entities.TestResults.RecordType] = organisation.TestResults.Cast<object>().ToList(),
            [Entities.Deployments.RecordType] = organisation.Deployments.Cast<object>().ToList(),
            [Entities.Tickets.RecordType] = organisation.Tickets.Cast<object>().ToList(),
            [Entities.TicketTransitions.RecordType] = organisation.TicketTransitions.Cast<object>().ToList(),
            [Entities.Incidents.RecordType] = organisation.Incidents.Cast<object>().ToList(),
            [Entities.Sprints.RecordType] = organisation.Sprints.Cast<object>().ToList(),
            [Entities.SprintChanges.RecordType] = organisation.SprintChanges.Cast<object>().ToList(),
        };
        return Entities.All.Where(map => byType.ContainsKey(map.RecordType)).Select(map => (map, byType[map.RecordType])).ToList();
    }

    /// <summary>Writes every record in one transaction; re-writing the same organisation changes nothing.</summary>
    /// <param name="store">The store.</param>
    /// <param name="organisation">What to write.</param>
    /// <param name="progress">Told each entity's name and how many of its records are written so far.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is kept.</param>
    public static async Task<UpsertResult> WriteAsync(
        IStore store,
        SimulatedOrganisation organisation,
        IProgress<(string Entity, int Written, int Total)>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var total = default(UpsertResult);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        foreach (var (map, records) in RecordsByEntity(organisation))
        {
            for (var offset = 0; offset < records.Count; offset += BatchSize)
            {
                total += await writer.UpsertAsync(map, records.Skip(offset).Take(BatchSize).ToList(), cancellationToken);
                progress?.Report((map.Name, Math.Min(offset + BatchSize, records.Count), records.Count));
            }
        }

        await writer.CommitAsync(cancellationToken);
        return total;
    }
}
