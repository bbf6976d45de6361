using System.Text.Json;
using Analytics.Collectors.GitHub.Webhooks;
using Analytics.Domain.Ci;
using Analytics.Domain.Code;

namespace Analytics.Server.Tests.Web;

/// <summary>
/// The webhook mapping against GitHub's own sample deliveries in <c>shared/samples/github-webhooks</c> (beside the
/// repository), read where they are and never copied in. Without the folder there is nothing to compare with.
/// </summary>
public sealed class GitHubWebhookSampleTests
{
    private static readonly string? SampleFolder = FindSamples();

    [Fact]
    public void Map_PullRequestOpened_MapsNumberAuthorSizesAndState()
    {
        if (Load("pull-request-opened.json") is not { } payload)
        {
            return;
        }

        var records = Map("pull_request", payload);
        var pr = records.PullRequests.Should().ContainSingle().Subject;
        pr.SourceId.Should().Be("Codertocat/Hello-World#2");
        pr.State.Should().Be(PullRequestState.Open);
        pr.Author.Should().Be("Codertocat");
        (pr.Additions, pr.Deletions, pr.ChangedFiles).Should().Be((1, 1, 1));
        records.Repositories.Single().FullName.Should().Be("Codertocat/Hello-World");
        records.Identities.Should().Contain(i => i.SourceId == "Codertocat");
    }

    [Fact]
    public void Map_PullRequestClosedNotMerged_IsClosed()
    {
        if (Load("pull-request-closed-not-merged.json") is not { } payload)
        {
            return;
        }

        Map("pull_request", payload).PullRequests.Single().State.Should().Be(PullRequestState.Closed);
    }

    [Fact]
    public void Map_ReviewSubmitted_MapsTheLowerCaseStateOfWebhooks()
    {
        if (Load("pull-request-review-submitted.json") is not { } payload)
        {
            return;
        }

        var review = Map("pull_request_review", payload).Reviews.Should().ContainSingle().Subject;
        review.State.Should().Be(ReviewState.Commented);
        review.PullRequestId.Should().Be("Codertocat/Hello-World#2");
        review.SubmittedAt.Should().Be(DateTimeOffset.Parse("2019-05-15T15:20:38Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("workflow-run-completed.json")]
    [InlineData("workflow-run-completed-with-pull-requests.json")]
    public void Map_WorkflowRunCompleted_MapsTheAttempt(string file)
    {
        if (Load(file) is not { } payload)
        {
            return;
        }

        var run = Map("workflow_run", payload).WorkflowRuns.Should().ContainSingle().Subject;
        run.Status.Should().Be(RunStatus.Completed);
        run.Attempt.Should().BeGreaterThanOrEqualTo(1);
        run.Workflow.Should().NotBeNullOrWhiteSpace("an empty run name falls back to the workflow file");
        run.FinishedAt.Should().NotBeNull();
    }

    [Fact]
    public void Map_WorkflowJobCompletedFailure_MapsJobAndSteps()
    {
        if (Load("workflow-job-completed-failure.json") is not { } payload)
        {
            return;
        }

        var records = Map("workflow_job", payload);
        var job = records.CiJobs.Should().ContainSingle().Subject;
        job.Conclusion.Should().Be(RunConclusion.Failure);
        job.Name.Should().Be("linters");
        records.CiSteps.Should().NotBeEmpty().And.OnlyContain(s => s.JobId == job.JobId);
    }

    [Fact]
    public void Map_CheckRun_IsIgnored()
    {
        if (Load("check-run-completed-success.json") is not { } payload)
        {
            return;
        }

        GitHubWebhookMapper.Map("check_run", payload, "sample").Ignored.Should().BeTrue();
    }

    private static GitHubWebhookRecords Map(string eventName, JsonElement payload)
    {
        var mapping = GitHubWebhookMapper.Map(eventName, payload, "sample");
        mapping.Error.Should().BeNull();
        return mapping.Records!;
    }

    private static JsonElement? Load(string file) =>
        SampleFolder is null ? null : JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SampleFolder, file))).RootElement.Clone();

    private static string? FindSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "samples", "github-webhooks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Directory.Exists("/work/shared/samples/github-webhooks") ? "/work/shared/samples/github-webhooks" : null;
    }
}
