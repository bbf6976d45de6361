using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Delivery;

/// <summary>
/// The selection behind the pull-request signals: pull requests merged in the period, in repositories a team owns,
/// authored by people (not bots), each observed in the team's window that contains its merge.
/// </summary>
internal static class MergedByPeople
{
    private static readonly string[] Columns = ["source", "repository", "author", "created_at", "merged_at", "additions", "deletions"];

    /// <summary>Observes <paramref name="valueOf"/> of each selected pull request and returns one series per team.</summary>
    public static async Task<IReadOnlyList<Series.Series>> ComputeAsync(
        ISignal signal,
        SignalRequest request,
        Func<MergedPullRequestFacts, double> valueOf,
        Func<IReadOnlyList<double>, double?> aggregate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = await CollectAsync(request, valueOf, cancellationToken);
        return request.Teams
            .Select(t => collectors[t.Id].ToSeries(signal.Name, Labels.Of(new Label("team", t.Id)), signal.Unit, aggregate))
            .ToList();
    }

    /// <summary>Observes <paramref name="valueOf"/> of each selected pull request in its team's windows.</summary>
    public static async Task<Dictionary<string, WindowedValues>> CollectAsync(
        SignalRequest request,
        Func<MergedPullRequestFacts, double> valueOf,
        CancellationToken cancellationToken)
    {
        var collectors = WindowedValues.PerTeam(request);
        foreach (var (teamId, facts) in await LoadAsync(request, cancellationToken))
        {
            collectors[teamId].Add(facts.MergedAt, valueOf(facts));
        }

        return collectors;
    }

    /// <summary>
    /// The selected pull requests with the id of the team owning each, in the store's key order; read once per request
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>: <c>pr.merged</c>, <c>pr.cycle_time</c> and <c>pr.size</c> each
    /// read the table before).
    /// </summary>
    private static Task<IReadOnlyList<(string TeamId, MergedPullRequestFacts Facts)>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(MergedByPeople), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<(string TeamId, MergedPullRequestFacts Facts)>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        // A columnar read of the columns used, in the store's key order as before: the order values reach the
        // collectors is the order the bootstrap intervals (pr.size) resample them in.
        var result = new List<(string TeamId, MergedPullRequestFacts Facts)>();
        var query = StoreQuery.All.Since("merged_at", request.From.AddDays(-7)).Before("merged_at", request.To.AddDays(7));
        var owner = new CodeLookup<Team?>(request.OwnerOf);

        // Whether an author is a bot, once per distinct source and account of the read instead of once per row.
        var isBot = new CodeLookup<CodeLookup<bool>>(source => new CodeLookup<bool>(account => request.People.Find(source, account)?.IsBot == true));
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.PullRequests, Columns, query, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(0);
            var repositories = batch.Codes(1);
            var authors = batch.Codes(2);
            var created = batch.Ticks(3);
            var merged = batch.Ticks(4);
            var additions = batch.Codes(5);
            var deletions = batch.Codes(6);
            for (var row = 0; row < batch.Count; row++)
            {
                if (owner.Get(strings, repositories[row]) is { } team && !isBot.Get(strings, sources[row]).Get(strings, authors[row]))
                {
                    result.Add((team.Id, new MergedPullRequestFacts(At(created[row]), At(merged[row]), additions[row] + deletions[row])));
                }
            }
        }

        return result;
    }

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
