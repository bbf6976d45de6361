using Analytics.Domain.Code;
using Analytics.Domain.Common;

namespace Analytics.Collectors.Simulation;

/// <summary>Turning planned pull requests into pull-request, review, comment and branch-commit records.</summary>
internal sealed partial class SimulationRun
{
    private void EmitPullRequests()
    {
        foreach (var plan in _plans)
        {
            var id = plan.SourceId;
            var updatedAt = plan.CreatedAt;
            foreach (var commit in plan.Commits)
            {
                _pullRequestCommits.Add(new PullRequestCommit(GitHub, id, commit.Sha, plan.Author.Login, commit.At));
            }

            var paths = plan.Files.Where(f => f.Additions is not null && f.Kind != FileChangeKind.Deleted).Select(f => f.Path).ToList();
            foreach (var review in plan.Reviews)
            {
                _reviews.Add(new Review(GitHub, review.Id, id, review.Reviewer.Login, review.State, review.At));
                updatedAt = Max(updatedAt, review.At);
                for (var c = 0; c < review.CommentCount; c++)
                {
                    var commentId = Id(_nextCommentId++);
                    var path = paths.Count > 0 && _random.Chance(0.85) ? _random.Pick(paths) : null;
                    _comments.Add(new ReviewComment(GitHub, commentId, id, review.Id, review.Reviewer.Login, review.At, path, null));
                    if (_random.Chance(0.45))
                    {
                        var replyAt = plan.Repo.Team.Calendar.AddWorkingTime(review.At, _random.LogNormal(TimeSpan.FromMinutes(50), 1.0));
                        if (replyAt <= _end && !plan.Author.IsBot)
                        {
                            _comments.Add(new ReviewComment(GitHub, Id(_nextCommentId++), id, null, plan.Author.Login, replyAt, path, commentId));
                            updatedAt = Max(updatedAt, replyAt);
                        }
                    }
                }
            }

            foreach (var instant in new[] { plan.ReadyAt, plan.MergedAt, plan.ClosedAt }.Concat(plan.Pushes.Select(p => (DateTimeOffset?)p.At)))
            {
                if (instant is { } at)
                {
                    updatedAt = Max(updatedAt, at);
                }
            }

            var state = plan.MergedAt is not null ? PullRequestState.Merged : plan.ClosedAt is not null ? PullRequestState.Closed : PullRequestState.Open;
            var isDraft = plan.OpenedAsDraft && plan.ReadyAt is null && state == PullRequestState.Open;
            _pullRequests.Add(new PullRequest(
                GitHub,
                id,
                plan.Repo.FullName,
                plan.Number,
                plan.Title,
                state,
                isDraft,
                plan.Author.Login,
                plan.CreatedAt,
                updatedAt,
                plan.MergedAt,
                plan.MergedAt ?? plan.ClosedAt,
                "main",
                plan.HeadRef,
                plan.Files.Sum(f => f.Additions ?? 0),
                plan.Files.Sum(f => f.Deletions ?? 0),
                plan.Files.Count,
                ValueList.From(plan.Labels),
                plan.MergeSha));
        }
    }
}
