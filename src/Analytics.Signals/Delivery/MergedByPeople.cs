using Analytics.Domain.Code;
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
    /// <summary>Observes <paramref name="valueOf"/> of each selected pull request and returns one series per team.</summary>
    public static async Task<IReadOnlyList<Series.Series>> ComputeAsync(
        ISignal signal,
        SignalRequest request,
        Func<PullRequest, double> valueOf,
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
        Func<PullRequest, double> valueOf,
        CancellationToken cancellationToken)
    {
        var collectors = WindowedValues.PerTeam(request);
        var query = StoreQuery.All.Since("merged_at", request.From.AddDays(-7)).Before("merged_at", request.To.AddDays(7));
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, query, cancellationToken))
        {
            if (request.OwnerOf(pr.Repository) is { } team && request.People.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                collectors[team.Id].Add(pr.MergedAt!.Value, valueOf(pr));
            }
        }

        return collectors;
    }
}
