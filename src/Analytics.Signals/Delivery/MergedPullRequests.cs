using Analytics.Domain.Code;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Delivery;

/// <summary>
/// <c>pr.merged</c>: pull requests merged per window, per team (by repository ownership), bots' pull requests left
/// out. Definition: <c>docs/signals/pr.merged.md</c>.
/// </summary>
public sealed class MergedPullRequests : ISignal
{
    /// <inheritdoc />
    public string Name => "pr.merged";

    /// <inheritdoc />
    public string Description => "Pull requests merged by people (not bots) per window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = request.Teams.ToDictionary(
            t => t.Id,
            t => new WindowedValues(TimeWindow.Covering(request.From, request.To, request.Granularity, t.TimeZone).ToList()));
        await foreach (var pr in MergedInPeriodAsync(request, cancellationToken))
        {
            if (request.OwnerOf(pr.Repository) is { } team && request.People.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                collectors[team.Id].Add(pr.MergedAt!.Value, 1);
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeries(Name, Labels.Of(new Label("team", t.Id)), Unit, values => values.Count))
            .ToList();
    }

    /// <summary>Pull requests merged in the request's period (with a week's margin for time zones).</summary>
    internal static IAsyncEnumerable<PullRequest> MergedInPeriodAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.Store.ReadAsync(
            Entities.PullRequests,
            StoreQuery.All.Since("merged_at", request.From.AddDays(-7)).Before("merged_at", request.To.AddDays(7)),
            cancellationToken);
}
