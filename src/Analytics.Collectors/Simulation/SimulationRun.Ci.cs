using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.Simulation;

/// <summary>CI: workflow runs with attempts, jobs, steps and test results; deployments from main.</summary>
internal sealed partial class SimulationRun
{
    private static readonly ValueList<string> RunnerLabels = ValueList.Of("ubuntu-latest");

    private void RunContinuousIntegration()
    {
        var triggers = new List<CiTrigger>();
        foreach (var plan in _plans)
        {
            for (var i = 0; i < plan.Pushes.Count; i++)
            {
                triggers.Add(new CiTrigger(plan.Pushes[i].At, plan.Repo, plan.Pushes[i].Sha, plan.HeadRef, true, i == 0, false));
            }

            if (plan.MergedAt is { } mergedAt && plan.MergeSha is { } sha)
            {
                triggers.Add(new CiTrigger(mergedAt, plan.Repo, sha, "main", false, false, false));
            }
        }

        foreach (var repo in _repos.Where(r => r.Blueprint.WeeklyRelease))
        {
            foreach (var day in Days().Where(d => d.DayOfWeek == DayOfWeek.Thursday && WorkCalendar.IsWorkday(d)))
            {
                triggers.Add(new CiTrigger(repo.Team.Calendar.At(day, TimeSpan.FromHours(15)), repo, null, "main", false, false, true));
            }
        }

        foreach (var trigger in triggers.OrderBy(t => t.At))
        {
            if (trigger.IsRelease)
            {
                if (trigger.Repo.LastGreenMainSha is { } green)
                {
                    Deploy(trigger.Repo, green, trigger.At, "release", "workflow_dispatch", ["production"]);
                }

                continue;
            }

            var finished = RunCi(trigger);
            if (!trigger.IsPullRequest && finished is { } greenAt)
            {
                trigger.Repo.LastGreenMainSha = trigger.Sha;
                string[] environments = trigger.Repo.Blueprint.WeeklyRelease ? ["staging"] : ["staging", "production"];
                Deploy(trigger.Repo, trigger.Sha!, greenAt, "deploy", "workflow_run", environments);
            }
        }
    }

    /// <summary>Runs <c>ci</c> for a trigger, re-running failures; returns when it finally passed, or null.</summary>
    private DateTimeOffset? RunCi(CiTrigger trigger)
    {
        var repo = trigger.Repo;
        var runId = Id(_nextRunId++);
        var slow = repo.Blueprint.Name == Blueprint.SlowedRepository && trigger.At >= _slowdownAt ? SlowdownFactor : 1.0;
        var broken = repo.FullName == _brokenTest.Repository && trigger.At >= _brokenFrom && trigger.At < _brokenUntil;

        // A genuine mistake fails the same way on every attempt.
        var mistake = trigger.IsPullRequest ? (trigger.IsFirstPush ? 0.06 : 0.02) : 0.005;
        var buildFails = false;
        SimTest? failing = null;
        if (_random.Chance(mistake))
        {
            if (_random.Chance(0.4))
            {
                buildFails = true;
            }
            else
            {
                var healthy = repo.Tests.Where(t => IsHealthy(t, _brokenTest)).ToList();
                failing = _random.Pick(healthy);
            }
        }

        var queuedAt = trigger.At + _random.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var outcome = RunCiAttempt(trigger, runId, attempt, queuedAt, slow, broken, buildFails, failing);
            if (outcome is not { } result)
            {
                return null; // it would finish after the end of the history
            }

            if (result.Success)
            {
                return result.FinishedAt;
            }

            if (!_random.Chance(trigger.IsPullRequest ? 0.5 : 0.8))
            {
                return null;
            }

            queuedAt = result.FinishedAt + _random.LogNormal(TimeSpan.FromMinutes(25), 0.9);
        }

        return null;
    }

    private (bool Success, DateTimeOffset FinishedAt)? RunCiAttempt(
        CiTrigger trigger, string runId, int attempt, DateTimeOffset queuedAt, double slow, bool broken, bool buildFails, SimTest? failing)
    {
        var repo = trigger.Repo;
        var blueprint = repo.Blueprint;
        var jobs = new List<CiJob>();
        var steps = new List<CiStep>();
        var results = new List<TestResult>();
        var runStart = queuedAt + _random.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));

        // build
        var buildQueued = runStart;
        var buildStart = buildQueued + QueueDelay();
        var buildTime = _random.LogNormal(TimeSpan.FromMinutes(blueprint.BuildMinutes), 0.15) * slow;
        if (buildFails)
        {
            buildTime *= _random.Uniform(0.4, 0.8);
        }

        var buildJobId = Id(_nextJobId++);
        var buildEnd = EmitSteps(steps, repo, buildJobId, buildStart, [("Set up job", Seconds(2, 5)), ("Run actions/checkout@v4", Seconds(2, 8)), (Naming.ToolchainStep(blueprint.Language), Seconds(5, 30)), ("Restore cache", Seconds(3, 20)), ("Build", buildTime)], buildFails ? 5 : 0);
        jobs.Add(Job(repo, runId, attempt, buildJobId, "build", buildQueued, buildStart, buildEnd, buildFails ? RunConclusion.Failure : RunConclusion.Success));
        var runEnd = buildEnd;
        var success = !buildFails;

        foreach (var entry in blueprint.Matrix)
        {
            var name = $"test ({entry})";
            var jobId = Id(_nextJobId++);
            if (buildFails)
            {
                jobs.Add(Job(repo, runId, attempt, jobId, name, buildEnd, buildEnd, buildEnd, RunConclusion.Skipped));
                continue;
            }

            var jobStart = buildEnd + QueueDelay();
            var setupEnd = jobStart + Seconds(8, 45);
            var t = setupEnd;
            var jobFailed = false;
            foreach (var test in repo.Tests)
            {
                var executions = blueprint.RetriesInRun ? 2 : 1;
                for (var execution = 0; execution < executions; execution++)
                {
                    var (outcome, message) = Outcome(test, broken, failing);
                    var duration = outcome == TestOutcome.Skipped
                        ? TimeSpan.Zero
                        : TimeSpan.FromMilliseconds(Math.Round(test.MedianSeconds * 1000 * _random.LogNormal(1, 0.2) * slow));
                    results.Add(new TestResult(GitHub, repo.FullName, test.Case.TestId, runId, attempt, name, execution, trigger.Sha!, trigger.Branch, outcome, duration, t, message));
                    t += duration;
                    if (outcome is not (TestOutcome.Failed or TestOutcome.Error))
                    {
                        break;
                    }

                    if (execution == executions - 1)
                    {
                        jobFailed = true;
                    }
                }
            }

            var testsTime = t - setupEnd + Seconds(2, 10);
            var jobEnd = EmitSteps(steps, repo, jobId, jobStart, [("Set up job", Seconds(2, 5)), ("Run actions/checkout@v4", Seconds(2, 8)), (Naming.ToolchainStep(blueprint.Language), setupEnd - jobStart - Seconds(4, 8)), ("Run tests", testsTime), ("Upload test results", Seconds(2, 8))], jobFailed ? 4 : 0);
            jobs.Add(Job(repo, runId, attempt, jobId, name, buildEnd, jobStart, jobEnd, jobFailed ? RunConclusion.Failure : RunConclusion.Success));
            runEnd = Max(runEnd, jobEnd);
            success &= !jobFailed;
        }

        runEnd += Seconds(1, 3);
        if (runEnd > _end)
        {
            return null;
        }

        var conclusion = success ? RunConclusion.Success : RunConclusion.Failure;
        var @event = trigger.IsPullRequest ? "pull_request" : "push";
        _runs.Add(new WorkflowRun(GitHub, repo.FullName, runId, attempt, "ci", @event, trigger.Branch, trigger.Sha!, RunStatus.Completed, conclusion, queuedAt, runStart, runEnd, RunUrl(repo, runId, attempt)));
        _jobs.AddRange(jobs);
        _steps.AddRange(steps);
        _testResults.AddRange(results);
        return (success, runEnd);
    }

    private (TestOutcome Outcome, string? Message) Outcome(SimTest test, bool broken, SimTest? failing)
    {
        if (test.AlwaysSkipped)
        {
            return (TestOutcome.Skipped, null);
        }

        if (broken && test.Case.TestId == _brokenTest.TestId)
        {
            return (TestOutcome.Failed, "AssertionError: expected refreshed token to be valid, but it had expired");
        }

        if (failing == test)
        {
            return (TestOutcome.Failed, "AssertionError: expected 2 items but found 3");
        }

        if (test.FlakyRate > 0 && _random.Chance(test.FlakyRate))
        {
            var message = _random.Pick(Naming.FlakyMessages);
            return (message.Contains("Timeout", StringComparison.Ordinal) ? TestOutcome.Error : TestOutcome.Failed, message);
        }

        return (TestOutcome.Passed, null);
    }

    private void Deploy(SimRepo repo, string sha, DateTimeOffset after, string workflow, string @event, string[] environments)
    {
        var runId = Id(_nextRunId++);
        var queuedAt = after + _random.Between(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        var runStart = queuedAt + _random.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        var jobs = new List<CiJob>();
        var steps = new List<CiStep>();
        var deployments = new List<Deployment>();
        var t = runStart;
        var success = true;
        foreach (var environment in environments)
        {
            var jobId = Id(_nextJobId++);
            var name = $"deploy-{environment}";
            if (!success)
            {
                jobs.Add(Job(repo, runId, 1, jobId, name, t, t, t, RunConclusion.Skipped));
                continue;
            }

            var start = t + QueueDelay();
            var production = environment == "production";
            var failed = _random.Chance(production ? 0.05 : 0.03);
            var deployTime = _random.LogNormal(TimeSpan.FromMinutes(production ? 5 : 3), 0.3);
            var end = EmitSteps(steps, repo, jobId, start, [("Set up job", Seconds(2, 5)), ("Run actions/checkout@v4", Seconds(2, 8)), ("Configure credentials", Seconds(2, 6)), ($"Deploy to {environment}", deployTime), ("Smoke test", Seconds(10, 60))], failed ? 4 : 0);
            jobs.Add(Job(repo, runId, 1, jobId, name, t, start, end, failed ? RunConclusion.Failure : RunConclusion.Success));
            deployments.Add(new Deployment(GitHub, Id(_nextDeploymentId++), repo.FullName, environment, failed ? DeploymentStatus.Failure : DeploymentStatus.Success, sha, "main", start + Seconds(5, 15), end, repo.Service));
            t = end;
            success = !failed;
        }

        var runEnd = t + Seconds(1, 3);
        if (runEnd > _end)
        {
            return;
        }

        _runs.Add(new WorkflowRun(GitHub, repo.FullName, runId, 1, workflow, @event, "main", sha, RunStatus.Completed, success ? RunConclusion.Success : RunConclusion.Failure, queuedAt, runStart, runEnd, RunUrl(repo, runId, 1)));
        _jobs.AddRange(jobs);
        _steps.AddRange(steps);
        _deployments.AddRange(deployments);
        _productionDeployments.AddRange(deployments.Where(d => d.Environment == "production").Select(d => (d, repo)));
    }

    /// <summary>Emits a job's steps from <paramref name="start"/>; a failing step (1-based, 0 for none) skips the rest.</summary>
    private DateTimeOffset EmitSteps(List<CiStep> steps, SimRepo repo, string jobId, DateTimeOffset start, (string Name, TimeSpan Duration)[] plan, int failingStep)
    {
        var t = start;
        var number = 1;
        var failed = false;
        foreach (var (name, duration) in plan.Append(("Complete job", Seconds(0, 2))))
        {
            var isLast = name == "Complete job";
            if (failed && !isLast)
            {
                steps.Add(new CiStep(GitHub, repo.FullName, jobId, number++, name, RunStatus.Completed, RunConclusion.Skipped, null, null));
                continue;
            }

            var end = t + (duration < TimeSpan.Zero ? TimeSpan.Zero : duration);
            var fails = number == failingStep;
            steps.Add(new CiStep(GitHub, repo.FullName, jobId, number++, name, RunStatus.Completed, fails ? RunConclusion.Failure : RunConclusion.Success, t, end));
            failed |= fails;
            t = end;
        }

        return t;
    }

    private CiJob Job(SimRepo repo, string runId, int attempt, string jobId, string name, DateTimeOffset queued, DateTimeOffset started, DateTimeOffset finished, RunConclusion conclusion) =>
        new(GitHub, repo.FullName, runId, attempt, jobId, name, RunStatus.Completed, conclusion, queued, started, finished,
            conclusion == RunConclusion.Skipped ? null : $"GitHub Actions {_random.Next(1, 400)}", RunnerLabels);

    private TimeSpan QueueDelay() => _random.Chance(0.9)
        ? _random.LogNormal(TimeSpan.FromSeconds(6), 0.6)
        : _random.LogNormal(TimeSpan.FromSeconds(90), 1.0);

    private TimeSpan Seconds(int min, int max) => _random.Between(TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max));

    private static string RunUrl(SimRepo repo, string runId, int attempt) =>
        $"https://github.com/{repo.FullName}/actions/runs/{runId}/attempts/{attempt}";
}
