using Analytics.Domain.Code;
using Analytics.Domain.People;
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
    private static readonly string[] Columns =
        ["source", "repository", "author", "is_draft", "state", "created_at", "updated_at", "merged_at", "closed_at"];

    /// <summary>
    /// Pull requests opened before the period's end and not closed before its earliest window started, of the teams'
    /// repositories when the store describes them all (<see cref="OwnedRepositories"/>; callers keep the owned ones); read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>).
    /// </summary>
    public static Task<IReadOnlyList<OpenPullRequest>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(OpenPullRequests), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<OpenPullRequest>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var earliest = request.Teams
            .Select(t => TimeWindow.Containing(request.From, request.Granularity, t.TimeZone).Start)
            .DefaultIfEmpty(request.From)
            .Min();
        var result = new List<OpenPullRequest>();

        // Only the columns used; in any order (the signals count), so the store may scan instead of walking the key.
        var query = StoreQuery.All.Before("created_at", request.To).InAnyOrder();
        if (await OwnedRepositories.OfTeamsWhenDescribedAsync(request, cancellationToken) is { } repositories)
        {
            query = query.WhereIn("repository", repositories);
        }

        // Whether an author is a bot, once per distinct source and account of the read instead of once per row.
        var isBot = new CodeLookup<CodeLookup<bool>>(source => new CodeLookup<bool>(account => request.People.Find(source, account)?.IsBot == true));
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.PullRequests, Columns, query, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(0);
            var repositoryCodes = batch.Codes(1);
            var authors = batch.Codes(2);
            var drafts = batch.Codes(3);
            var states = batch.Codes(4);
            var created = batch.Ticks(5);
            var updated = batch.Ticks(6);
            var merged = batch.Ticks(7);
            var closedAt = batch.Ticks(8);
            for (var row = 0; row < batch.Count; row++)
            {
                if (drafts[row] != 0)
                {
                    continue;
                }

                var closed = !batch.IsNull(8, row) ? At(closedAt[row])
                    : !batch.IsNull(7, row) ? At(merged[row])
                    : (PullRequestState)states[row] == PullRequestState.Open ? (DateTimeOffset?)null : At(updated[row]);
                if ((closed is null || closed >= earliest) && !isBot.Get(strings, sources[row]).Get(strings, authors[row]))
                {
                    result.Add(new OpenPullRequest(strings[sources[row]], strings[repositoryCodes[row]], strings[authors[row]], At(created[row]), closed));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="open"/> grouped by the id of the team owning each one's repository (<see cref="SignalRequest.OwnerOf"/>),
    /// in their order, owned ones only. The owner is looked up once per distinct repository name: asked per pull request
    /// and team, <see cref="SignalRequest.OwnerOf"/> made <c>pr.wip</c> allocate 12 GiB at scale 1.0 (a closure and an
    /// enumerator per team and call).
    /// </summary>
    public static Dictionary<string, List<OpenPullRequest>> ByOwner(SignalRequest request, IEnumerable<OpenPullRequest> open)
    {
        var owners = new Dictionary<string, Team?>(StringComparer.Ordinal);
        var result = new Dictionary<string, List<OpenPullRequest>>(StringComparer.Ordinal);
        foreach (var pr in open)
        {
            if (!owners.TryGetValue(pr.Repository, out var owner))
            {
                owners[pr.Repository] = owner = request.OwnerOf(pr.Repository);
            }

            if (owner is not null)
            {
                (result.TryGetValue(owner.Id, out var list) ? list : result[owner.Id] = []).Add(pr);
            }
        }

        return result;
    }

    /// <summary>
    /// How many of <paramref name="pullRequests"/> are open (<see cref="IsOpenAt"/>) at each of <paramref name="instants"/>.
    /// </summary>
    public static int[] CountOpenAt(IReadOnlyList<OpenPullRequest> pullRequests, IReadOnlyList<DateTimeOffset> instants)
    {
        var counts = new int[instants.Count];
        foreach (var pr in pullRequests)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                if (IsOpenAt(pr, instants[i]))
                {
                    counts[i]++;
                }
            }
        }

        return counts;
    }

    /// <summary>The window's end, or the period's end for the window that contains it.</summary>
    public static DateTimeOffset CountedAt(SignalRequest request, TimeWindow window) => window.End < request.To ? window.End : request.To;

    /// <summary>
    /// Whether <paramref name="pr"/> is open at <paramref name="at"/>: opened before it and not closed before it (closed
    /// at that very instant still counts, as in <c>review.stale_prs</c>). When it was closed is
    /// <see cref="PullRequest.ClosedAt"/>, else its merge, else (closed or merged with no instant recorded) its last
    /// update, which is no earlier than its closing.
    /// </summary>
    public static bool IsOpenAt(OpenPullRequest pr, DateTimeOffset at) =>
        pr.CreatedAt < at && (pr.ClosedAt is not { } closed || closed >= at);

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
