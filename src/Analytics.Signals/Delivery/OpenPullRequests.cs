using Analytics.Domain.Code;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Delivery;

/// <summary>
/// The selection behind the work-in-progress signals: people's (not bots') non-draft pull requests that could be open
/// at some window end of the period, and the instant each window's work in progress is counted at.
/// </summary>
internal static class OpenPullRequests
{
    /// <summary>Pull requests opened before the period's end and not closed before its earliest window started.</summary>
    public static async Task<IReadOnlyList<PullRequest>> LoadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var earliest = request.Teams
            .Select(t => TimeWindow.Containing(request.From, request.Granularity, t.TimeZone).Start)
            .DefaultIfEmpty(request.From)
            .Min();
        var result = new List<PullRequest>();
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, StoreQuery.All.Before("created_at", request.To), cancellationToken))
        {
            if (!pr.IsDraft && (ClosedAt(pr) is not { } closed || closed >= earliest)
                && request.People.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                result.Add(pr);
            }
        }

        return result;
    }

    /// <summary>The window's end, or the period's end for the window that contains it.</summary>
    public static DateTimeOffset CountedAt(SignalRequest request, TimeWindow window) => window.End < request.To ? window.End : request.To;

    /// <summary>
    /// Whether <paramref name="pr"/> is open at <paramref name="at"/>: opened before it and not closed before it (closed
    /// at that very instant still counts, as in <c>review.stale_prs</c>).
    /// </summary>
    public static bool IsOpenAt(PullRequest pr, DateTimeOffset at) =>
        pr.CreatedAt < at && (ClosedAt(pr) is not { } closed || closed >= at);

    /// <summary>
    /// When it was closed: <see cref="PullRequest.ClosedAt"/>, else its merge, else (closed or merged with no instant
    /// recorded) its last update, which is no earlier than its closing.
    /// </summary>
    private static DateTimeOffset? ClosedAt(PullRequest pr) =>
        pr.ClosedAt ?? pr.MergedAt ?? (pr.State == PullRequestState.Open ? null : pr.UpdatedAt);
}
