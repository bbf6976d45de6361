using Analytics.Domain.Ci;
using Analytics.Domain.Common;

namespace Analytics.Domain.Tests.Ci;

public sealed class WorkflowRunTests
{
    private static readonly DateTimeOffset Queued = new(2024, 2, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_AttemptZero_Throws()
    {
        var act = () => Run(attempt: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Attempt");
    }

    [Fact]
    public void Constructor_FinishedBeforeStarted_Throws()
    {
        var act = () => Run(started: Queued.AddMinutes(5), finished: Queued.AddMinutes(4));

        act.Should().Throw<ArgumentException>().WithParameterName("FinishedAt");
    }

    [Fact]
    public void Duration_StartedAndFinished_IsTheDifference()
    {
        // Started 10:01, finished 10:13:30: 12 min 30 s.
        var run = Run(started: Queued.AddMinutes(1), finished: Queued.AddMinutes(13).AddSeconds(30));

        run.Duration.Should().Be(TimeSpan.FromSeconds((12 * 60) + 30));
    }

    [Fact]
    public void Duration_NotFinished_IsNull()
    {
        Run(started: Queued.AddMinutes(1), finished: null).Duration.Should().BeNull();
    }

    [Fact]
    public void CiJob_AttemptZero_Throws()
    {
        var act = () => new CiJob(
            "github", "acme/shop", "r1", 0, "j1", "build", RunStatus.Queued, null, Queued, null, null, null, default);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Attempt");
    }

    [Fact]
    public void CiJob_FinishedBeforeStarted_Throws()
    {
        var act = () => new CiJob(
            "github", "acme/shop", "r1", 1, "j1", "build", RunStatus.Completed, RunConclusion.Success, Queued,
            Queued.AddMinutes(2), Queued.AddMinutes(1), "runner-1", ValueList.Of("ubuntu-latest"));

        act.Should().Throw<ArgumentException>().WithParameterName("FinishedAt");
    }

    [Fact]
    public void CiStep_NumberZero_Throws()
    {
        var act = () => new CiStep("github", "acme/shop", "j1", 0, "checkout", RunStatus.Queued, null, null, null);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Number");
    }

    private static WorkflowRun Run(int attempt = 1, DateTimeOffset? started = null, DateTimeOffset? finished = null) =>
        new(
            "github", "acme/shop", "r1", attempt, "ci", "push", "main", "abc123", RunStatus.Completed,
            RunConclusion.Success, Queued, started, finished, null);
}
