using Analytics.Host.Scheduling;

namespace Analytics.Host.Server.Web;

/// <summary>A scheduled job with its recent failures.</summary>
/// <param name="Status">Its schedule, next and last run.</param>
/// <param name="Failures">Its recent failed runs with their errors, newest first.</param>
internal sealed record JobView(JobStatus Status, IReadOnlyList<JobRun> Failures);
