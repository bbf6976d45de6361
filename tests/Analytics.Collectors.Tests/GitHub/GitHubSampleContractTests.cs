using System.Text.Json;
using Analytics.Collectors.GitHub;
using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Delivery;
using Analytics.Domain.People;
using Analytics.Testing.Files;

namespace Analytics.Collectors.Tests.GitHub;

/// <summary>
/// The mappers against GitHub's own example payloads, kept outside the repository in <c>../shared/samples/github-rest</c>.
/// Each test returns without asserting only when that folder is absent (a clone without the shared folder).
/// </summary>
public sealed class GitHubSampleContractTests
{
    private static readonly string? Folder = RepositoryFiles.SharedSamples("github-rest");

    [Fact]
    public void PullRequest_Sample_MapsEveryField()
    {
        if (Load("pull.json") is not { } json)
        {
            return;
        }

        var accounts = new Dictionary<string, Identity>();
        var pull = GitHubMapper.PullRequest(json, "octocat/Hello-World", accounts, "pull.json");

        // GitHub's example says state "open" yet carries merged_at: merged_at wins (source-apis.md §1.7, non-null ⇒ merged).
        pull.Should().Match<PullRequest>(p => p.SourceId == "octocat/Hello-World#1347" && p.Number == 1347 && p.State == PullRequestState.Merged
            && p.Author == "octocat" && p.BaseRef == "master" && p.HeadRef == "new-topic" && p.Additions == 100 && p.Deletions == 3 && p.ChangedFiles == 5
            && p.CreatedAt == new DateTimeOffset(2011, 1, 26, 19, 1, 12, TimeSpan.Zero) && p.MergedAt == p.CreatedAt);
        pull.Labels.Should().Equal("bug");
        accounts["octocat"].IsBot.Should().BeFalse();
    }

    [Fact]
    public void PullRequestList_Sample_MapsWithoutSizes()
    {
        if (Load("pulls-list.json") is not { } json)
        {
            return;
        }

        var pulls = json.EnumerateArray().Select(p => GitHubMapper.PullRequest(p, "octocat/Hello-World", [], "pulls-list.json")).ToList();

        pulls.Should().ContainSingle().Which.Number.Should().Be(1347);
    }

    [Fact]
    public void Review_Sample_MapsStateAndTime()
    {
        if (Load("pull-review.json") is not { } json)
        {
            return;
        }

        var review = GitHubMapper.Review(json, "o/r#1", [], "pull-review.json");

        review.Should().Be(new Review("github", "80", "o/r#1", "octocat", ReviewState.ChangesRequested, new DateTimeOffset(2019, 11, 17, 17, 43, 43, TimeSpan.Zero)));
    }

    [Fact]
    public void ReviewComment_Sample_KeepsReviewPathAndReply()
    {
        if (Load("pull-review-comments-list.json") is not { } json)
        {
            return;
        }

        var comment = GitHubMapper.ReviewComment(json[0], "o/r#1", [], "pull-review-comments-list.json");

        comment.Should().Be(new ReviewComment("github", "10", "o/r#1", "42", "octocat", new DateTimeOffset(2011, 4, 14, 16, 0, 49, TimeSpan.Zero), "file1.txt", "8"));
    }

    [Fact]
    public void Commit_Sample_TakesTheLinkedAccount()
    {
        if (Load("commits-list.json") is not { } json)
        {
            return;
        }

        var commit = GitHubMapper.PullRequestCommit(json[0], "o/r#1", [], "commits-list.json");

        commit.Should().Be(new PullRequestCommit("github", "o/r#1", "6dcb09b5b57875f334f61aebed695e2e4193db5e", "octocat", new DateTimeOffset(2011, 4, 14, 16, 0, 49, TimeSpan.Zero)));
    }

    [Fact]
    public void WorkflowRun_Sample_IsAQueuedFirstAttempt()
    {
        if (Load("workflow-run.json") is not { } json)
        {
            return;
        }

        var run = GitHubMapper.WorkflowRun(json, "octo-org/octo-repo", [], "workflow-run.json");

        run.Should().Match<WorkflowRun>(r => r.RunId == "30433642" && r.Attempt == 1 && r.Workflow == "Build" && r.Event == "push" && r.Branch == "main"
            && r.Status == RunStatus.Queued && r.Conclusion == null && r.FinishedAt == null
            && r.HeadSha == "acb5820ced9479c074f688cc328bf03f341a511d" && r.QueuedAt == new DateTimeOffset(2020, 1, 22, 19, 33, 8, TimeSpan.Zero));
    }

    [Fact]
    public void WorkflowRunList_Sample_MapsEveryRun()
    {
        if (Load("workflow-runs-list.json") is not { } json)
        {
            return;
        }

        var runs = json.GetProperty("workflow_runs").EnumerateArray().Select(r => GitHubMapper.WorkflowRun(r, "o/r", [], "workflow-runs-list.json")).ToList();

        runs.Should().HaveCount(json.GetProperty("workflow_runs").GetArrayLength()).And.NotBeEmpty();
    }

    [Fact]
    public void Job_Sample_MapsJobAndNonContiguousSteps()
    {
        if (Load("jobs-list.json") is not { } json)
        {
            return;
        }

        var (job, steps) = GitHubMapper.Job(json.GetProperty("jobs")[0], "o/r", 1, "jobs-list.json");

        // The sample has no created_at: queue time then starts at started_at.
        job.Should().Match<CiJob>(j => j.JobId == "399444496" && j.RunId == "29679449" && j.Attempt == 1 && j.Name == "build"
            && j.Status == RunStatus.Completed && j.Conclusion == RunConclusion.Success && j.RunnerName == "my runner"
            && j.StartedAt == new DateTimeOffset(2020, 1, 20, 17, 42, 40, TimeSpan.Zero) && j.FinishedAt == new DateTimeOffset(2020, 1, 20, 17, 44, 39, TimeSpan.Zero));
        job.RunnerLabels.Should().Equal("self-hosted", "foo", "bar");
        steps.Select(s => s.Number).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 16, 17);
    }

    [Fact]
    public void Deployment_SampleWithStatus_TakesTheLatestState()
    {
        if (Load("deployment.json") is not { } json || Load("deployment-status.json") is not { } status)
        {
            return;
        }

        var deployment = GitHubMapper.Deployment(json, status, "octocat/example", [], "deployment.json");

        deployment.Should().Be(new Deployment("github", "1", "octocat/example", "production", DeploymentStatus.Success, "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d",
            "topic-branch", new DateTimeOffset(2012, 7, 20, 1, 19, 13, TimeSpan.Zero), new DateTimeOffset(2012, 7, 20, 1, 19, 13, TimeSpan.Zero), null));
    }

    [Fact]
    public void DeploymentList_SampleWithoutStatus_IsPending()
    {
        if (Load("deployments-list.json") is not { } json)
        {
            return;
        }

        GitHubMapper.Deployment(json[0], null, "o/r", [], "deployments-list.json").Status.Should().Be(DeploymentStatus.Pending);
    }

    private static JsonElement? Load(string name)
    {
        if (Folder is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, name)));
        return document.RootElement.Clone();
    }
}
