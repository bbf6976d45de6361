using Analytics.Domain.Code;
using Analytics.Signals.Delivery;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Dora;

/// <summary>
/// <c>dora.lead_time</c>: change lead time and its stages, per team, observed when the change reaches production:
/// coding (first commit → opened), pickup (opened → first review by someone else), review (first review → merged),
/// deploy (merged → the first successful production deployment of the repository at or after the merge) and total
/// (first commit, or opening when no commit is known → deployed). Aggregated with the request's aggregator, with bootstrap
/// 95% intervals. Definition: <c>docs/signals/dora.md</c>.
/// </summary>
public sealed class LeadTime : ISignal
{
    private static readonly string[] Stages = ["total", "coding", "pickup", "review", "deploy"];

    /// <inheritdoc />
    public string Name => "dora.lead_time";

    /// <inheritdoc />
    public string Description => "Change lead time (first commit → production) and its coding, pickup, review and deploy stages, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var since = request.From - ProductionDeployments.LookBack;
        var deployments = (await ProductionDeployments.LoadAsync(request, since, cancellationToken))
            .GroupBy(d => d.Deployment.Repository, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        var merged = new Dictionary<string, PullRequest>(StringComparer.Ordinal);
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, StoreQuery.All.Since("merged_at", since).Before("merged_at", request.To), cancellationToken))
        {
            if (request.People.Find(pr.Source, pr.Author)?.IsBot != true && deployments.ContainsKey(pr.Repository))
            {
                merged[Key(pr.Source, pr.SourceId)] = pr;
            }
        }

        // Only the selected pull requests' commits and reviews, by pull request: the earliest of each does not depend on
        // the order they come in.
        var firstCommit = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var commit in PullRequestChildren.ReadAsync(request.Store, Entities.PullRequestCommits, merged.Values, cancellationToken))
        {
            var key = Key(commit.Source, commit.PullRequestId);
            if (merged.ContainsKey(key) && (!firstCommit.TryGetValue(key, out var first) || commit.AuthoredAt < first))
            {
                firstCommit[key] = commit.AuthoredAt;
            }
        }

        var firstReview = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var review in PullRequestChildren.ReadAsync(request.Store, Entities.Reviews, merged.Values, cancellationToken))
        {
            var key = Key(review.Source, review.PullRequestId);
            if (merged.TryGetValue(key, out var pr) && review.SubmittedAt <= pr.MergedAt
                && request.People.Find(review.Source, review.Reviewer) is var reviewer && reviewer?.IsBot != true
                && !string.Equals(review.Reviewer, pr.Author, StringComparison.OrdinalIgnoreCase)
                && (reviewer is null || reviewer.Id != request.People.Find(pr.Source, pr.Author)?.Id)
                && (!firstReview.TryGetValue(key, out var first) || review.SubmittedAt < first))
            {
                firstReview[key] = review.SubmittedAt;
            }
        }

        var collectors = request.Teams.ToDictionary(t => t.Id, t => Stages.ToDictionary(s => s, _ => WindowedValues.ForTeam(request, t)));
        foreach (var (key, pr) in merged)
        {
            var mergedAt = pr.MergedAt!.Value;
            var deployment = deployments[pr.Repository].FirstOrDefault(d => d.At >= mergedAt);
            if (deployment.Deployment is null)
            {
                continue; // Not deployed yet: its lead time is not known.
            }

            var stages = collectors[deployment.Team.Id];
            var start = firstCommit.TryGetValue(key, out var committed) && committed < pr.CreatedAt ? committed : pr.CreatedAt;
            stages["total"].Add(deployment.At, (deployment.At - start).TotalSeconds);
            stages["deploy"].Add(deployment.At, (deployment.At - mergedAt).TotalSeconds);
            if (firstCommit.ContainsKey(key))
            {
                stages["coding"].Add(deployment.At, Math.Max(0, (pr.CreatedAt - committed).TotalSeconds));
            }

            if (firstReview.TryGetValue(key, out var reviewed))
            {
                stages["pickup"].Add(deployment.At, Math.Max(0, (reviewed - pr.CreatedAt).TotalSeconds));
                stages["review"].Add(deployment.At, Math.Max(0, (mergedAt - reviewed).TotalSeconds));
            }
        }

        return request.Teams
            .SelectMany(t => Stages.Select(stage => collectors[t.Id][stage].ToSeriesWithInterval(
                Name, Labels.Of(new Label("team", t.Id), new Label("stage", stage)), Unit, request.Aggregator)))
            .ToList();
    }

    private static string Key(string source, string id) => source + "\u001f" + id;
}
