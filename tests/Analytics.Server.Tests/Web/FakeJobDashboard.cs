using Analytics.Host.Scheduling;

namespace Analytics.Server.Tests.Web;

/// <summary>A job dashboard with two jobs, one of which failed; it records the jobs it was asked to trigger.</summary>
internal sealed class FakeJobDashboard(DateTimeOffset now) : IJobDashboard
{
    private readonly List<string> _triggered = [];

    public IReadOnlyList<string> Triggered => _triggered;

    internal JobRun FailedRun { get; } = new("collect-github", "run-2", 3, "node-a", now.AddHours(-1), now.AddMinutes(-59), JobRunOutcome.Failed, "GitHub answered 502 three times", null);

    public Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<JobStatus>>(
    [
        new JobStatus("collect-github", "Collect GitHub", "0 */2 * * *", "Europe/Berlin", now.AddHours(1), FailedRun, false),
        new JobStatus("evaluate-rules", "Evaluate the rules", "15 * * * *", "UTC", now.AddMinutes(15), null, false),
    ]);

    public Task<IReadOnlyList<JobRun>> HistoryAsync(string jobName, int limit, CancellationToken cancellationToken) => jobName switch
    {
        "collect-github" => Task.FromResult<IReadOnlyList<JobRun>>([FailedRun]),
        "evaluate-rules" => Task.FromResult<IReadOnlyList<JobRun>>([]),
        _ => throw new KeyNotFoundException(jobName),
    };

    public Task TriggerAsync(string jobName, CancellationToken cancellationToken)
    {
        if (jobName is not ("collect-github" or "evaluate-rules"))
        {
            throw new KeyNotFoundException(jobName);
        }

        lock (_triggered)
        {
            _triggered.Add(jobName);
        }

        return Task.CompletedTask;
    }
}
